package community.recommender.web.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.web.store.Futures;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL answers only to the secret in the data dir, and only on loopback. */
class EmbeddedDatabasePrivacyTest {
  @TempDir Path dataDir;
  private Vertx vertx;

  @BeforeEach
  void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stopVertx() {
    Futures.await(vertx.close());
  }

  @Test
  void secret_isGeneratedOnce_readableByItsOwnerOnly_andKeptAcrossRestarts() throws Exception {
    String first;
    try (Database database = Database.open(vertx, null, dataDir)) {
      first = Files.readString(dataDir.resolve("database.secret")).strip();
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("database.secret")))
          .isEqualTo(PosixFilePermissions.fromString("rw-------"));
      assertThat(first).hasSizeGreaterThanOrEqualTo(40);
    }
    try (Database database = Database.open(vertx, null, dataDir)) {
      assertThat(Files.readString(dataDir.resolve("database.secret")).strip()).isEqualTo(first);
      assertThat(query(database.jdbcTarget().url(), first, "SELECT 1")).isEqualTo("1");
    }
  }

  @Test
  void connection_withoutTheSecretOrWithAWrongOne_isRefused() throws Exception {
    try (Database database = Database.open(vertx, null, dataDir)) {
      String url = database.jdbcTarget().url();
      assertThat(url).startsWith("jdbc:postgresql://127.0.0.1:");
      assertThatThrownBy(() -> query(url, null, "SELECT 1"))
          .isInstanceOf(SQLException.class).hasMessageContaining("password");
      assertThatThrownBy(() -> query(url, "not-the-secret", "SELECT 1"))
          .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
      assertThat(query(url, DatabaseSecret.read(dataDir), "SELECT 1")).isEqualTo("1");
    }
  }

  @Test
  void server_listensOnLoopbackOnly_andAsksEveryConnectionForThePassword() throws Exception {
    try (Database database = Database.open(vertx, null, dataDir)) {
      String url = database.jdbcTarget().url();
      String secret = DatabaseSecret.read(dataDir);
      assertThat(query(url, secret, "SHOW listen_addresses")).isEqualTo("127.0.0.1");
      assertThat(query(url, secret, "SELECT count(*) FROM pg_hba_file_rules WHERE auth_method <> 'scram-sha-256'"))
          .isEqualTo("0");
      assertThat(query(url, secret, "SELECT count(*) FROM pg_hba_file_rules")).isEqualTo("3");
    }
  }

  @Test
  void dataDirMadeByAnEarlierRelease_thatTrustedLocalUsers_isLockedDownAtStart() throws Exception {
    try (Database database = Database.open(vertx, null, dataDir)) {
      String url = database.jdbcTarget().url();
      Files.writeString(dataDir.resolve("postgres").resolve("pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
      query(url, DatabaseSecret.read(dataDir), "SELECT pg_reload_conf()::text");
      assertThat(query(url, null, "SELECT 1")).as("trusting, as before").isEqualTo("1");
    }
    try (Database database = Database.open(vertx, null, dataDir)) {
      assertThatThrownBy(() -> query(database.jdbcTarget().url(), null, "SELECT 1"))
          .isInstanceOf(SQLException.class).hasMessageContaining("password");
    }
  }

  static String query(String url, String password, String sql) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, "postgres", password);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getString(1);
    }
  }
}

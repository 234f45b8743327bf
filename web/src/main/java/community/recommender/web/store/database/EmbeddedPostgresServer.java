package community.recommender.web.store.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

/**
 * A real PostgreSQL run from binaries shipped in the jar, with its data kept across restarts.
 *
 * <p>It is private to this server: it listens on 127.0.0.1 only and asks every connection, local
 * socket or TCP, for the superuser's password (SCRAM-SHA-256), which only the data dir's
 * {@link DatabaseSecret} file holds.
 */
final class EmbeddedPostgresServer implements AutoCloseable {
  /** The superuser initdb creates and every connection uses. */
  static final String USER = "postgres";
  static final String HOST = "127.0.0.1";
  private static final String HBA = """
      # Written by Community Recommender at every start: every connection needs the password.
      local all all scram-sha-256
      host  all all 127.0.0.1/32 scram-sha-256
      host  all all ::1/128 scram-sha-256
      """;

  private final Path dataDir;
  private final String secret;
  private final Path secretFile;
  private EmbeddedPostgres postgres;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir, String secret, Path secretFile) {
    this.postgres = postgres;
    this.dataDir = dataDir;
    this.secret = secret;
    this.secretFile = secretFile;
  }

  /**
   * Starts PostgreSQL on {@code dataDir} (made with initdb when new) with the password in {@code
   * secretFile}; a data dir that still trusts local users, as earlier releases made them, is locked
   * down here.
   */
  static EmbeddedPostgresServer start(Path dataDir, Path secretFile, String secret) {
    OrphanedPostmaster.stopIfRunning(dataDir);
    try {
      EmbeddedPostgresServer server = new EmbeddedPostgresServer(launch(dataDir, secretFile, secret, 0), dataDir,
          secret, secretFile);
      server.lockDown();
      return server;
    } catch (IOException | RuntimeException e) {
      throw new DatabaseUnavailable("cannot start the embedded PostgreSQL in " + dataDir + " (" + rootCause(e)
          + "); use --database-url postgresql://user:password@host:5432/db to use an external PostgreSQL", e);
    }
  }

  private static EmbeddedPostgres launch(Path dataDir, Path secretFile, String secret, int port) throws IOException {
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
        .setDataDirectory(dataDir)
        .setCleanDataDirectory(false)
        // zonky tunes PostgreSQL for throwaway test databases (fsync and synchronous commit off);
        // this one holds the product's data, so acknowledged writes must survive a power loss.
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .setServerConfig("full_page_writes", "on")
        .setServerConfig("listen_addresses", HOST)
        .setServerConfig("password_encryption", "scram-sha-256")
        // zonky passes these "locale" options to initdb only, after its own "-A trust": a new data
        // dir is born with SCRAM for every connection and the superuser's password already set.
        .setLocaleConfig("auth", "scram-sha-256")
        .setLocaleConfig("pwfile", secretFile.toAbsolutePath().toString())
        .setConnectConfig("password", secret)
        .setPGStartupWait(Duration.ofSeconds(30))
        // The server stops PostgreSQL itself, last, after draining; zonky's own JVM shutdown hook
        // would stop it at once, beside the drain, failing the requests it lets finish.
        .setRegisterShutdownHook(false);
    if (port > 0) {
      builder.setPort(port);
    }
    return builder.start();
  }

  /** Sets the superuser's password and allows password connections only; idempotent. */
  private void lockDown() throws IOException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, secret);
        Statement statement = connection.createStatement()) {
      // The secret's alphabet has no quote (DatabaseSecret), and ALTER ROLE takes no parameters.
      statement.execute("ALTER ROLE " + USER + " PASSWORD '" + secret + "'");
      Path hba = dataDir.resolve("pg_hba.conf");
      if (!Files.isRegularFile(hba) || !Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
        Files.writeString(hba, HBA, StandardCharsets.UTF_8);
        statement.execute("SELECT pg_reload_conf()");
      }
    } catch (SQLException e) {
      throw new IOException("cannot set the database password: " + e.getMessage(), e);
    }
  }

  synchronized int port() {
    return postgres.getPort();
  }

  Path dataDir() {
    return dataDir;
  }

  String secret() {
    return secret;
  }

  String jdbcUrl() {
    return "jdbc:postgresql://" + HOST + ":" + port() + "/postgres";
  }

  /** The postmaster now running on the data dir, as {@code postmaster.pid} records it; empty when none is. */
  Optional<ProcessHandle> postmaster() {
    return Postmaster.of(dataDir);
  }

  /**
   * Starts PostgreSQL again on the same data dir and port, after its process died. Waits for the
   * dead postmaster's backends to leave the data dir first; PostgreSQL then recovers from its
   * write-ahead log.
   */
  synchronized void restart() throws IOException {
    int port = postgres.getPort();
    postgres.close();
    Postmaster.awaitDataDirFree(dataDir, Duration.ofSeconds(10));
    postgres = launch(dataDir, secretFile, secret, port);
  }

  @Override
  public synchronized void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot stop the embedded PostgreSQL", e);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}

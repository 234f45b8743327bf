package community.recommender.web.store.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.web.TestDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Flyway takes over the schema: files found by name, checked by checksum, and databases of earlier releases converted. */
class SchemaMigrationsTest {
  private static final Path MIGRATIONS = migrationsFolder();

  @TempDir Path dir;

  @Test
  void version_isTheNumberInTheFileName_notItsPlaceInTheList() throws IOException {
    Files.writeString(dir.resolve("V12__later_change.sql"), "CREATE TABLE later (id int);");
    Files.writeString(dir.resolve("V4__groups.sql"), "CREATE TABLE earlier (id int);");
    try (TestDatabase database = TestDatabase.start()) {
      SchemaMigrations.apply(database.jdbcUrl(), "postgres", null, "filesystem:" + dir);

      List<Integer> versions = ints(database, "SELECT version::int FROM flyway_schema_history ORDER BY installed_rank");
      assertThat(versions.get(0)).isEqualTo(4);
      assertThat(versions.get(1)).isEqualTo(12);
    }
  }

  @Test
  void misnamedFile_isRefused() throws IOException {
    Files.writeString(dir.resolve("V1__fine.sql"), "CREATE TABLE fine (id int);");
    Files.writeString(dir.resolve("groups.sql"), "CREATE TABLE groups (id int);");
    try (TestDatabase database = TestDatabase.start()) {
      assertThatThrownBy(() -> SchemaMigrations.apply(database.jdbcUrl(), "postgres", null, "filesystem:" + dir))
          .hasMessageContaining("groups.sql");
    }
  }

  @Test
  void listedMigrations_haveDistinctIncreasingVersions() throws IOException {
    try (TestDatabase database = TestDatabase.start(); Stream<Path> files = Files.list(MIGRATIONS)) {
      int found = (int) files.filter(f -> f.toString().endsWith(".sql")).count();

      assertThat(SchemaMigrations.apply(database.jdbcUrl(), "postgres", null)).isEqualTo(found);
      List<Integer> versions = ints(database, "SELECT version::int FROM flyway_schema_history ORDER BY installed_rank");
      assertThat(versions).hasSize(found).isSorted().doesNotHaveDuplicates();
    }
  }

  @Test
  void editedMigration_stopsTheStart_byItsChecksum() throws IOException {
    Files.writeString(dir.resolve("V1__first.sql"), "CREATE TABLE first (id int);");
    try (TestDatabase database = TestDatabase.start()) {
      SchemaMigrations.apply(database.jdbcUrl(), "postgres", null, "filesystem:" + dir);
      Files.writeString(dir.resolve("V1__first.sql"), "CREATE TABLE first (id bigint);");

      assertThatThrownBy(() -> SchemaMigrations.apply(database.jdbcUrl(), "postgres", null, "filesystem:" + dir))
          .hasMessageContaining("checksum");
    }
  }

  @Test
  void databaseOfAnEarlierRelease_isConverted_andKeepsTheSameSchema() throws IOException {
    try (TestDatabase legacy = TestDatabase.start(); TestDatabase fresh = TestDatabase.start()) {
      migrateAsTheEarlierReleasesDid(legacy, 5);

      assertThat(SchemaMigrations.apply(legacy.jdbcUrl(), "postgres", null)).as("only the files after 5 run")
          .isEqualTo(filesAfter(5)).isPositive();
      SchemaMigrations.apply(fresh.jdbcUrl(), "postgres", null);

      assertThat(schema(legacy)).isEqualTo(schema(fresh));
      assertThat(SchemaMigrations.apply(legacy.jdbcUrl(), "postgres", null)).as("a restart runs nothing").isZero();
    }
  }

  /** How many migration files have a version above {@code version}. */
  private static int filesAfter(int version) throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return (int) files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
          .filter(n -> Integer.parseInt(n.substring(1, n.indexOf("__"))) > version).count();
    }
  }

  /** What the hand-written migrator of earlier releases did: each file up to {@code upTo}, recorded in schema_migrations. */
  private static void migrateAsTheEarlierReleasesDid(TestDatabase database, int upTo) throws IOException {
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", null);
        Statement statement = connection.createStatement()) {
      statement.execute("""
          CREATE TABLE schema_migrations (
              version    integer PRIMARY KEY,
              file       text        NOT NULL,
              applied_at timestamptz NOT NULL DEFAULT now())""");
      for (int version = 1; version <= upTo; version++) {
        Path file = migration(version);
        statement.execute(Files.readString(file, StandardCharsets.UTF_8));
        statement.execute("INSERT INTO schema_migrations (version, file) VALUES (" + version + ", '"
            + file.getFileName() + "')");
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Every column of every table but the migrators' own, with its type, nullability and default. */
  private static List<String> schema(TestDatabase database) {
    List<String> columns = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", null);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("""
            SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default, '')
              FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name NOT IN ('schema_migrations', 'flyway_schema_history')
             ORDER BY table_name, column_name""")) {
      while (rows.next()) {
        columns.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3) + " " + rows.getString(4)
            + " " + rows.getString(5));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    assertThat(columns).isNotEmpty();
    return columns;
  }

  private static List<Integer> ints(TestDatabase database, String sql) {
    List<Integer> values = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), "postgres", null);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getInt(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return values;
  }

  private static Path migration(int version) throws IOException {
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      return files.filter(f -> f.getFileName().toString().startsWith("V" + version + "__")).findFirst().orElseThrow();
    }
  }

  private static Path migrationsFolder() {
    try (InputStream probe = SchemaMigrationsTest.class.getResourceAsStream("/db/migration/V1__foundation.sql")) {
      assertThat(probe).isNotNull();
      return Path.of(SchemaMigrationsTest.class.getResource("/db/migration/V1__foundation.sql").toURI()).getParent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}

package community.recommender.web.store.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * Brings the schema up to date with Flyway from the versioned SQL files in {@code db/migration}.
 *
 * <p>Flyway finds every {@code V<n>__<what>.sql} file (a misnamed one fails the start rather than
 * being skipped), runs each once in its own transaction and refuses to start when a file applied
 * earlier has changed since (its checksum differs). Several nodes may start together against one
 * database: they take turns on a PostgreSQL advisory lock, and the later ones find nothing to do.
 *
 * <p>A database migrated by the hand-written migrator of earlier releases has a
 * {@code schema_migrations} table instead of Flyway's history. It is converted on first start: its
 * newest version becomes Flyway's baseline, and only later files run.
 */
public final class SchemaMigrations {
  /** Where the migration files are; a new file goes there and is never edited once released. */
  public static final String LOCATION = "classpath:db/migration";
  /** The lock the earlier migrator took too, so that an old node and a new one never migrate at once. */
  private static final long LOCK_KEY = 0x636f6d6d756e6974L;

  private SchemaMigrations() {}

  /** Applies every migration the database has not seen; answers how many ran. Blocks. */
  public static int apply(Database database) {
    Database.JdbcTarget target = database.jdbcTarget();
    return apply(target.url(), target.user(), target.password(), LOCATION);
  }

  /** Applies every migration to the database at the JDBC {@code url}; answers how many ran. Blocks. */
  public static int apply(String url, String user, String password) {
    return apply(url, user, password, LOCATION);
  }

  /** Applies the migrations in {@code location} (a Flyway location) to the database at the JDBC {@code url}. */
  public static int apply(String url, String user, String password, String location) {
    return apply(url, user, password, location, null);
  }

  /** Applies the migrations up to and including {@code version} only, as a restore does before loading rows. */
  static int applyUpTo(Database.JdbcTarget target, String version) {
    return apply(target.url(), target.user(), target.password(), LOCATION, version);
  }

  /** The newest migration this release ships. */
  static String latestKnown(Database.JdbcTarget target) {
    return Arrays.stream(flyway(target.url(), target.user(), target.password(), LOCATION).load().info().all())
        .map(MigrationInfo::getVersion)
        .filter(Objects::nonNull)
        .max(MigrationVersion::compareTo)
        .map(MigrationVersion::getVersion)
        .orElseThrow();
  }

  /** Whether schema version {@code a} comes after {@code b}. */
  static boolean isNewer(String a, String b) {
    return MigrationVersion.fromVersion(a).compareTo(MigrationVersion.fromVersion(b)) > 0;
  }

  /** The newest migration applied to the database of {@code connection}; empty when it has none. */
  static Optional<String> currentVersion(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet table = statement.executeQuery("SELECT to_regclass('flyway_schema_history') IS NOT NULL")) {
      table.next();
      if (!table.getBoolean(1)) {
        return Optional.empty();
      }
    }
    try (Statement statement = connection.createStatement();
        ResultSet newest = statement.executeQuery("""
            SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL
            ORDER BY installed_rank DESC LIMIT 1""")) {
      return newest.next() ? Optional.of(newest.getString(1)) : Optional.empty();
    }
  }

  private static int apply(String url, String user, String password, String location, String target) {
    try (Connection connection = DriverManager.getConnection(url, user, password);
        Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_lock(" + LOCK_KEY + ")");
      try {
        OptionalInt legacy = legacyVersion(statement);
        if (legacy.isPresent()) {
          flyway(url, user, password, location).baselineVersion(Integer.toString(legacy.getAsInt()))
              .baselineDescription("converted from schema_migrations").load().baseline();
        }
        var flyway = flyway(url, user, password, location);
        if (target != null) {
          flyway.target(MigrationVersion.fromVersion(target));
        }
        return flyway.load().migrate().migrationsExecuted;
      } finally {
        statement.execute("SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
      }
    } catch (SQLException | FlywayException e) {
      throw new DatabaseUnavailable("cannot bring the database schema up to date: " + e.getMessage(), e);
    }
  }

  private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(String url, String user,
      String password, String location) {
    return Flyway.configure()
        .dataSource(url, user, password)
        .locations(location)
        .failOnMissingLocations(true)
        .validateMigrationNaming(true);
  }

  /**
   * The newest version the earlier, hand-written migrator applied, when it migrated this database
   * and Flyway has not taken over yet; empty otherwise.
   */
  private static OptionalInt legacyVersion(Statement statement) throws SQLException {
    try (ResultSet tables = statement.executeQuery("""
        SELECT to_regclass('schema_migrations') IS NOT NULL AS legacy,
               to_regclass('flyway_schema_history') IS NOT NULL AS flyway""")) {
      tables.next();
      if (!tables.getBoolean("legacy") || tables.getBoolean("flyway")) {
        return OptionalInt.empty();
      }
    }
    try (ResultSet newest = statement.executeQuery("SELECT max(version) FROM schema_migrations")) {
      newest.next();
      int version = newest.getInt(1);
      return newest.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
    }
  }
}

package community.recommender.web.store.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * The embedded PostgreSQL of a data dir, as a command-line tool reaches it: the one a running
 * server started, found through its {@code postmaster.pid}, or else one started for the tool alone
 * and stopped after. Either way the data dir's {@link DatabaseSecret} is the password.
 */
public final class DataDirDatabase implements AutoCloseable {
  private final Database.JdbcTarget target;
  private final EmbeddedPostgresServer startedHere;

  private DataDirDatabase(Database.JdbcTarget target, EmbeddedPostgresServer startedHere) {
    this.target = target;
    this.startedHere = startedHere;
  }

  /**
   * Reaches the embedded PostgreSQL of {@code dataDir}. When none exists yet it is made only if
   * {@code create}; otherwise that fails with a one-line reason.
   */
  public static DataDirDatabase open(Path dataDir, boolean create) {
    Path files = Database.embeddedDataDir(dataDir);
    OptionalInt running = Postmaster.port(files);
    if (running.isPresent()) {
      String url = "jdbc:postgresql://" + EmbeddedPostgresServer.HOST + ":" + running.getAsInt() + "/postgres";
      return new DataDirDatabase(new Database.JdbcTarget(url, EmbeddedPostgresServer.USER,
          DatabaseSecret.read(dataDir)), null);
    }
    if (!create && !Files.isRegularFile(files.resolve("PG_VERSION"))) {
      throw new DatabaseUnavailable("there is no embedded database in " + dataDir
          + "; give the server's --data-dir, or --database-url for an external PostgreSQL");
    }
    String secret = DatabaseSecret.readOrCreate(dataDir);
    EmbeddedPostgresServer server = EmbeddedPostgresServer.start(files, DatabaseSecret.file(dataDir), secret);
    return new DataDirDatabase(new Database.JdbcTarget(server.jdbcUrl(), EmbeddedPostgresServer.USER, secret),
        server);
  }

  /** How to connect, over JDBC. */
  public Database.JdbcTarget target() {
    return target;
  }

  /** Whether a running server's PostgreSQL is used, rather than one started for this tool. */
  public boolean sharedWithARunningServer() {
    return startedHere == null;
  }

  /** Stops the PostgreSQL started for the tool; a running server's is left alone. */
  @Override
  public void close() {
    if (startedHere != null) {
      startedHere.close();
    }
  }
}

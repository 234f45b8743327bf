package community.recommender.web.store.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** A real PostgreSQL run from binaries shipped in the jar, with its data kept across restarts. */
final class EmbeddedPostgresServer implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Path dataDir;

  private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDir) {
    this.postgres = postgres;
    this.dataDir = dataDir;
  }

  static EmbeddedPostgresServer start(Path dataDir) {
    OrphanedPostmaster.stopIfRunning(dataDir);
    try {
      // zonky tunes PostgreSQL for throwaway test databases (fsync and synchronous commit off);
      // this one holds the product's data, so acknowledged writes must survive a power loss.
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(dataDir)
          .setCleanDataDirectory(false)
          .setServerConfig("fsync", "on")
          .setServerConfig("synchronous_commit", "on")
          .setServerConfig("full_page_writes", "on")
          .start();
      return new EmbeddedPostgresServer(postgres, dataDir);
    } catch (IOException | RuntimeException e) {
      throw new DatabaseUnavailable("cannot start the embedded PostgreSQL in " + dataDir + " (" + rootCause(e)
          + "); use --database-url postgresql://user:password@host:5432/db to use an external PostgreSQL", e);
    }
  }

  int port() {
    return postgres.getPort();
  }

  Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
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

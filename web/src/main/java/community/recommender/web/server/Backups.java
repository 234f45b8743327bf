package community.recommender.web.server;

import community.recommender.web.store.database.Backup;
import community.recommender.web.store.database.BackupManifest;
import community.recommender.web.store.database.DataDirDatabase;
import community.recommender.web.store.database.Database;
import community.recommender.web.store.database.Restore;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;

/**
 * Backs up and restores all the server's state: from and into the embedded PostgreSQL of a data dir
 * (a running server's, or started for the purpose), or an external PostgreSQL given by its URL.
 */
public final class Backups {
  private Backups() {}

  /**
   * What a backup file holds.
   *
   * @param schemaVersion the schema migration the rows were taken under
   * @param createdAt when the snapshot was taken
   * @param tables how many tables it holds
   * @param rows how many rows, over all tables
   */
  public record Summary(String schemaVersion, Instant createdAt, int tables, long rows) {
    static Summary of(BackupManifest manifest) {
      return new Summary(manifest.schemaVersion(), manifest.createdAt(), manifest.tables().size(), manifest.rows());
    }
  }

  /**
   * Writes a snapshot of the database at {@code databaseUrl}, or when it is null of the embedded one
   * in {@code dataDir}, to {@code file}. Fails with a one-line reason.
   */
  public static Summary backup(Path dataDir, String databaseUrl, Path file, Clock clock) {
    if (databaseUrl != null) {
      return Summary.of(Backup.write(Database.jdbcTarget(databaseUrl), file, clock.instant()));
    }
    try (DataDirDatabase database = DataDirDatabase.open(dataDir, false)) {
      return Summary.of(Backup.write(database.target(), file, clock.instant()));
    }
  }

  /**
   * Loads {@code file} into the database at {@code databaseUrl}, or when it is null into the
   * embedded one of {@code dataDir} (made when new). A database that holds rows is refused unless
   * {@code replace}. Fails with a one-line reason.
   */
  public static Summary restore(Path dataDir, String databaseUrl, Path file, boolean replace) {
    if (databaseUrl != null) {
      return Summary.of(Restore.load(Database.jdbcTarget(databaseUrl), file, replace));
    }
    try (DataDirDatabase database = DataDirDatabase.open(dataDir, true)) {
      return Summary.of(Restore.load(database.target(), file, replace));
    }
  }
}

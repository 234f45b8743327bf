package community.recommender.web.store.database;

import community.recommender.web.store.database.BackupManifest.SequencePosition;
import community.recommender.web.store.database.BackupManifest.TableCopy;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads a {@link Backup} file into a database that holds nothing yet.
 *
 * <p>The schema is first migrated up to the backup's version, so the rows meet the columns they
 * were taken from; every table is then loaded with {@code COPY ... FROM STDIN}, parents before
 * children, and the sequences are set where they stood, all in one transaction; last, the
 * migrations the backup predates run over the restored rows, as they would have on the original.
 * A database that already holds rows is refused unless the caller asks to replace them.
 */
public final class Restore {
  private Restore() {}

  /**
   * Restores {@code file} into the database at {@code target}; with {@code replace}, whatever it
   * holds is deleted first. Answers what was restored. Blocks.
   */
  public static BackupManifest load(Database.JdbcTarget target, Path file, boolean replace) {
    try (ZipFile zip = new ZipFile(file.toFile());
        Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
      BackupManifest manifest = manifest(zip, file);
      // Checked before anything of Flyway's runs, so that a refusal is the only line printed.
      Optional<String> occupied = firstOccupiedTable(connection);
      if (occupied.isPresent() && !replace) {
        throw new BackupFailed("the database is not empty (table " + occupied.get() + " has rows); restore into an"
            + " empty database, or pass --force to replace everything in it");
      }
      Optional<String> current = SchemaMigrations.currentVersion(connection);
      if (current.isPresent() && SchemaMigrations.isNewer(current.get(), manifest.schemaVersion())) {
        throw new BackupFailed("the database's schema (version " + current.get() + ") is newer than the backup's ("
            + manifest.schemaVersion() + "); restore into an empty database");
      }
      String latest = SchemaMigrations.latestKnown(target);
      if (SchemaMigrations.isNewer(manifest.schemaVersion(), latest)) {
        throw new BackupFailed(file + " is of schema version " + manifest.schemaVersion() + ", newer than this"
            + " release's " + latest + "; restore it with the release that wrote it, or a later one");
      }
      SchemaMigrations.applyUpTo(target, manifest.schemaVersion());
      ApplicationTables tables = ApplicationTables.of(connection);
      checkSameTables(tables, manifest, file);
      connection.setAutoCommit(false);
      if (occupied.isPresent()) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("TRUNCATE " + String.join(", ",
              tables.tables().stream().map(ApplicationTables.Table::quotedName).toList()));
        }
      }
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      for (TableCopy table : manifest.tables()) {
        ZipEntry entry = zip.getEntry(table.entry());
        if (entry == null) {
          throw new BackupFailed(file + " lacks the rows of table " + table.name());
        }
        ApplicationTables.Table columns = new ApplicationTables.Table(table.name(), table.columns());
        try (InputStream rows = zip.getInputStream(entry)) {
          long loaded = copy.copyIn("COPY " + columns.quotedName() + " (" + columns.quotedColumns()
              + ") FROM STDIN (FORMAT binary)", rows);
          if (loaded != table.rows()) {
            throw new BackupFailed(file + " holds " + loaded + " rows of table " + table.name() + " where its"
                + " manifest says " + table.rows());
          }
        }
      }
      setSequences(connection, manifest);
      connection.commit();
      SchemaMigrations.apply(target.url(), target.user(), target.password());
      return manifest;
    } catch (ZipException e) {
      throw new BackupFailed(file + " is not a backup file (not a zip: " + e.getMessage() + ")", e);
    } catch (IOException e) {
      throw new BackupFailed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (SQLException e) {
      throw new BackupFailed("cannot restore into the database: " + e.getMessage(), e);
    }
  }

  private static BackupManifest manifest(ZipFile zip, Path file) throws IOException {
    ZipEntry entry = zip.getEntry(BackupManifest.ENTRY);
    if (entry == null) {
      throw new BackupFailed(file + " is not a backup of Community Recommender (it has no " + BackupManifest.ENTRY
          + ")");
    }
    BackupManifest manifest;
    try (InputStream in = zip.getInputStream(entry)) {
      manifest = BackupManifest.fromJson(new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (DecodeException | NullPointerException | ClassCastException e) {
      throw new BackupFailed(file + " has a damaged " + BackupManifest.ENTRY + ": " + e.getMessage(), e);
    }
    if (manifest.format() != BackupManifest.FORMAT) {
      throw new BackupFailed(file + " is in backup format " + manifest.format() + "; this release reads format "
          + BackupManifest.FORMAT);
    }
    return manifest;
  }

  /** The first application table that has a row; empty when the database holds no state yet. */
  private static Optional<String> firstOccupiedTable(Connection connection) throws SQLException {
    for (ApplicationTables.Table table : ApplicationTables.of(connection).tables()) {
      try (Statement statement = connection.createStatement();
          ResultSet any = statement.executeQuery("SELECT EXISTS (SELECT 1 FROM " + table.quotedName() + ")")) {
        any.next();
        if (any.getBoolean(1)) {
          return Optional.of(table.name());
        }
      }
    }
    return Optional.empty();
  }

  private static void checkSameTables(ApplicationTables tables, BackupManifest manifest, Path file) {
    Map<String, ApplicationTables.Table> here = tables.tables().stream()
        .collect(Collectors.toMap(ApplicationTables.Table::name, Function.identity()));
    for (TableCopy table : manifest.tables()) {
      ApplicationTables.Table ours = here.get(table.name());
      if (ours == null || !ours.columns().containsAll(table.columns())) {
        throw new BackupFailed(file + " holds table " + table.name() + " " + table.columns() + ", which schema version "
            + manifest.schemaVersion() + " here does not have as such");
      }
    }
  }

  private static void setSequences(Connection connection, BackupManifest manifest) throws SQLException {
    try (PreparedStatement setval = connection.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
      for (SequencePosition sequence : manifest.sequences()) {
        setval.setString(1, ApplicationTables.quote(sequence.name()));
        setval.setLong(2, sequence.value());
        setval.setBoolean(3, sequence.called());
        setval.execute();
      }
    }
  }
}

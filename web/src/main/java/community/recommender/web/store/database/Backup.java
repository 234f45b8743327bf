package community.recommender.web.store.database;

import community.recommender.web.store.database.BackupManifest.SequencePosition;
import community.recommender.web.store.database.BackupManifest.TableCopy;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a consistent snapshot of all the application's state to one file, while servers keep
 * using the database.
 *
 * <p>Every table is read in one read-only REPEATABLE READ transaction, so the file holds the rows
 * of one moment, whatever commits meanwhile. Each table goes through PostgreSQL's own {@code COPY
 * ... TO STDOUT} in binary form, which carries every value (jsonb, bytea, timestamps) exactly. The
 * file appears only once it is complete.
 */
public final class Backup {
  private Backup() {}

  /** Backs up the database at {@code target} to {@code file}; answers what the file holds. Blocks. */
  public static BackupManifest write(Database.JdbcTarget target, Path file, Instant now) {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (Connection connection = DriverManager.getConnection(target.url(), target.user(), target.password())) {
      connection.setAutoCommit(false);
      connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      connection.setReadOnly(true);
      String schemaVersion = SchemaMigrations.currentVersion(connection)
          .orElseThrow(() -> new BackupFailed("the database has no schema of Community Recommender to back up"));
      ApplicationTables tables = ApplicationTables.of(connection);
      CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
      List<TableCopy> copied = new ArrayList<>();
      BackupManifest manifest;
      try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(partial)))) {
        for (ApplicationTables.Table table : tables.tables()) {
          TableCopy entry = new TableCopy(table.name(), table.columns(), 0);
          zip.putNextEntry(new ZipEntry(entry.entry()));
          long rows = copy.copyOut("COPY (SELECT " + table.quotedColumns() + " FROM " + table.quotedName()
              + ") TO STDOUT (FORMAT binary)", unclosable(zip));
          zip.closeEntry();
          copied.add(new TableCopy(table.name(), table.columns(), rows));
        }
        manifest = new BackupManifest(BackupManifest.FORMAT, schemaVersion, now, List.copyOf(copied),
            sequences(connection));
        zip.putNextEntry(new ZipEntry(BackupManifest.ENTRY));
        zip.write(manifest.toJson().encodePrettily().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      connection.commit();
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return manifest;
    } catch (SQLException e) {
      throw new BackupFailed("cannot read the database: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BackupFailed("cannot write " + file + ": " + e.getMessage(), e);
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        // The partial file is only left behind; the backup itself has already succeeded or failed.
      }
    }
  }

  /**
   * Where each sequence stands now. Sequences are not transactional, so this is at or past every
   * value the snapshot's rows hold, which is all a restore needs.
   */
  private static List<SequencePosition> sequences(Connection connection) throws SQLException {
    List<SequencePosition> positions = new ArrayList<>();
    try (PreparedStatement query = connection.prepareStatement("""
        SELECT sequencename, last_value, start_value FROM pg_sequences
        WHERE schemaname = current_schema() ORDER BY sequencename""");
        ResultSet rows = query.executeQuery()) {
      while (rows.next()) {
        long last = rows.getLong(2);
        boolean called = !rows.wasNull();
        positions.add(new SequencePosition(rows.getString(1), called ? last : rows.getLong(3), called));
      }
    }
    return List.copyOf(positions);
  }

  /** {@code out} for a writer that closes what it is given: the zip stays open for the next entry. */
  private static OutputStream unclosable(OutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        out.write(b);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        out.write(bytes, offset, length);
      }

      @Override
      public void close() {}
    };
  }
}

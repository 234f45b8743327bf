package community.recommender.web.server;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** The server's data dir: checked writable at start, with the uploads spool and the first admin token in it. */
final class DataDir {
  private final Path dir;

  private DataDir(Path dir) {
    this.dir = dir;
  }

  /** Creates {@code dir} when missing; fails with a one-line reason when it cannot be written. */
  static DataDir prepare(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException | SecurityException e) {
      throw new StartupException("data dir " + dir + " cannot be created (" + e.getMessage()
          + "); choose another with --data-dir");
    }
    if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
      throw new StartupException("data dir " + dir + " is not a writable directory; choose another with --data-dir");
    }
    return new DataDir(dir);
  }

  /**
   * Where multipart uploads are spooled while a request is read; emptied here, as nothing there
   * outlives a request.
   */
  Path uploads() {
    Path uploads = dir.resolve("uploads");
    try {
      if (Files.isDirectory(uploads)) {
        try (var leftovers = Files.list(uploads)) {
          for (Path file : leftovers.toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
      return Files.createDirectories(uploads);
    } catch (IOException e) {
      throw new StartupException("cannot prepare " + uploads + " for uploads: " + e.getMessage(), e);
    }
  }

  /**
   * Saves the first admin token to {@code admin.token} (mode 0600); shows it this once at a
   * terminal, and without one only says where it is.
   */
  void announceFirstAdmin(String token, PrintStream out, Terminal terminal) {
    Path file = AdminTokenFile.write(dir, token);
    if (terminal == Terminal.ABSENT) {
      out.println("Created the first admin token and saved it to " + file + " (mode 0600); it is not printed,"
          + " as there is no terminal: read it from that file.");
      return;
    }
    out.println("Created the first admin token. It is shown only this once, and saved to " + file + " (mode 0600):");
    out.println("  " + token);
  }
}

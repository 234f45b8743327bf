package community.recommender.web.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes the first admin token to {@code <data-dir>/admin.token}, readable by its owner only. */
public final class AdminTokenFile {
  private static final String NAME = "admin.token";

  private AdminTokenFile() {}

  /** Writes {@code token} with mode 0600 and answers the file. */
  public static Path write(Path dataDir, String token) {
    Path file = dataDir.resolve(NAME);
    try {
      Files.deleteIfExists(file);
      // Created with its final mode, so the token is never readable by others, even briefly.
      Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}

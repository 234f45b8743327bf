package community.recommender.web.store.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of the embedded PostgreSQL's superuser, kept in {@code <data-dir>/database.secret}
 * with mode 0600: generated on first start, read on every later one, and by the command line's
 * backup and restore.
 */
public final class DatabaseSecret {
  static final String FILE_NAME = "database.secret";
  /** URL-safe Base64 without padding: no quote or backslash, so it is safe inside a SQL literal. */
  private static final String ALPHABET = "[A-Za-z0-9_-]{32,}";

  private DatabaseSecret() {}

  /** The secret kept in {@code dataDir}, made and saved first when there is none. */
  public static String readOrCreate(Path dataDir) {
    Path file = file(dataDir);
    if (!Files.exists(file)) {
      byte[] random = new byte[32];
      new SecureRandom().nextBytes(random);
      String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
      try {
        Files.createDirectories(dataDir);
        // Created with its final mode, so the secret is never readable by others, even briefly.
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, secret + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
        return secret;
      } catch (FileAlreadyExistsException e) {
        return read(dataDir);
      } catch (IOException e) {
        throw new DatabaseUnavailable("cannot write the database secret " + file + ": " + e.getMessage(), e);
      }
    }
    return read(dataDir);
  }

  /** The secret kept in {@code dataDir}; fails when there is none or it is not one this server wrote. */
  public static String read(Path dataDir) {
    Path file = file(dataDir);
    try {
      String secret = Files.readString(file, StandardCharsets.US_ASCII).strip();
      if (!secret.matches(ALPHABET)) {
        throw new DatabaseUnavailable(file + " does not hold a database secret written by this server");
      }
      return secret;
    } catch (IOException e) {
      throw new DatabaseUnavailable("cannot read the database secret " + file + ": " + e.getMessage(), e);
    }
  }

  /** Where the secret of the data dir {@code dataDir} is kept. */
  public static Path file(Path dataDir) {
    return dataDir.resolve(FILE_NAME);
  }
}

package community.recommender.content.format;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Ids for items whose editor chose none: from the file's name where there is one, else random. */
public final class ContentIds {
  private ContentIds() {}

  /**
   * An id from a file name: {@code Spring Sale.md} becomes {@code spring-sale}, so uploading the
   * same file again updates its item. A name with no usable letters is hashed instead.
   */
  public static String fromFileName(String fileName) {
    String stem = ContentValidator.fileName(fileName);
    int dot = stem.lastIndexOf('.');
    if (dot > 0) {
      stem = stem.substring(0, dot);
    }
    String slug = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("-{2,}", "-")
        .replaceAll("^[-._]+|[-._]+$", "");
    if (slug.isEmpty() || slug.length() > 100) {
      return "file-" + sha1(stem).substring(0, 16);
    }
    return slug;
  }

  /** A new random id, for items uploaded as JSON or CSV without one. */
  public static String generate() {
    return "item-" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}

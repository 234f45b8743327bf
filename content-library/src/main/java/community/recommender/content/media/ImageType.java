package community.recommender.content.media;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The image formats the library accepts, each told by the signature its files start with.
 *
 * <p>The extension of an uploaded file is only a claim; its first bytes decide. A file named
 * {@code photo.jpg} that holds a script is refused, and a PNG named {@code photo.jpg} is stored
 * as {@code image/png}.
 */
public enum ImageType {
  PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}),
  JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
  GIF("image/gif", "GIF8".getBytes(StandardCharsets.US_ASCII)),
  WEBP("image/webp", "RIFF".getBytes(StandardCharsets.US_ASCII));

  private static final byte[] WEBP_MARK = "WEBP".getBytes(StandardCharsets.US_ASCII);

  private final String mediaType;
  private final byte[] signature;

  ImageType(String mediaType, byte[] signature) {
    this.mediaType = mediaType;
    this.signature = signature;
  }

  public String mediaType() {
    return mediaType;
  }

  /** The type whose signature {@code bytes} start with, or empty when they are no image we accept. */
  public static Optional<ImageType> of(byte[] bytes) {
    for (ImageType type : values()) {
      if (type.matches(bytes)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Whether a file name claims to be an image, which decides whether it is checked as one. */
  public static boolean claimedBy(String fileName) {
    String lower = fileName.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".png") || lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".gif")
        || lower.endsWith(".webp");
  }

  private boolean matches(byte[] bytes) {
    if (bytes.length < signature.length || !Arrays.equals(bytes, 0, signature.length, signature, 0, signature.length)) {
      return false;
    }
    // RIFF is a container for sound and video too; WebP says so at byte 8.
    return this != WEBP || bytes.length >= 12 && Arrays.equals(bytes, 8, 12, WEBP_MARK, 0, 4);
  }
}

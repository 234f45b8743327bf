package community.recommender.content.upload;

import community.recommender.content.archive.ArchiveLimits;
import community.recommender.content.format.ContentValidator;

/**
 * How much one upload may hold.
 *
 * @param maxFileBytes the most bytes one file may have, and one file inside an archive may unpack to
 * @param maxArchiveEntries the most entries an archive may hold
 * @param maxArchiveBytes the most bytes an archive may unpack to, all entries together
 * @param maxBodyChars the most characters an item's body may have
 * @param maxItemsPerFile the most items one JSON or CSV file may hold
 */
public record UploadLimits(long maxFileBytes, int maxArchiveEntries, long maxArchiveBytes, int maxBodyChars,
    int maxItemsPerFile) {

  private static final long MIB = 1024 * 1024;

  /** 5 MiB per file, 1000 archive entries, 50 MiB unpacked, 64 Ki characters per body, 10,000 items per file. */
  public static UploadLimits defaults() {
    return new UploadLimits(5 * MIB, 1000, 50 * MIB, ContentValidator.DEFAULT_MAX_BODY_CHARS, 10_000);
  }

  /** The same limits with another per-file size. */
  public UploadLimits withMaxFileBytes(long bytes) {
    return new UploadLimits(bytes, maxArchiveEntries, maxArchiveBytes, maxBodyChars, maxItemsPerFile);
  }

  ArchiveLimits archive() {
    return new ArchiveLimits(maxArchiveEntries, maxArchiveBytes, maxFileBytes);
  }
}

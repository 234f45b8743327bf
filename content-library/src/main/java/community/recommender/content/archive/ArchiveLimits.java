package community.recommender.content.archive;

/**
 * How much an archive may unpack to, so that a zip bomb is refused before it fills memory.
 *
 * @param maxEntries the most files an archive may hold
 * @param maxTotalBytes the most bytes all its files may unpack to, together
 * @param maxEntryBytes the most bytes one file may unpack to
 */
public record ArchiveLimits(int maxEntries, long maxTotalBytes, long maxEntryBytes) {}

package community.recommender.content.archive;

/**
 * A file read from an archive.
 *
 * @param path its path inside the archive, with {@code /} separators, checked to stay inside it
 * @param bytes its content
 */
public record ArchiveEntry(String path, byte[] bytes) {}

package community.recommender.content.archive;

import community.recommender.content.format.ContentFormatException;
import community.recommender.content.format.Fault;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unpacks a zip archive in memory, refusing archives that are too big, too many, or that reach outside themselves.
 *
 * <p>Sizes are counted as bytes are actually inflated, never taken from the archive's own headers,
 * which a hostile archive may fake. Entry names must be relative paths without {@code ..}
 * segments, so that no entry can be written or resolved outside its folder.
 */
public final class ZipArchiveReader {
  private static final int BUFFER = 64 * 1024;

  private final ArchiveLimits limits;

  public ZipArchiveReader(ArchiveLimits limits) {
    this.limits = limits;
  }

  /** The files in {@code zip}, skipping folders and the clutter of desktop zip tools. */
  public List<ArchiveEntry> read(byte[] zip) {
    List<ArchiveEntry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    long total = 0;
    int count = 0;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        if (++count > limits.maxEntries()) {
          throw tooLarge("the archive holds more than " + limits.maxEntries() + " entries");
        }
        String path = checkedPath(entry.getName());
        if (entry.isDirectory() || isClutter(path)) {
          continue;
        }
        if (!seen.add(path)) {
          throw new ContentFormatException(Fault.MALFORMED, null, 0, "the archive holds '" + path + "' twice");
        }
        byte[] bytes = inflate(in, path, limits.maxTotalBytes() - total);
        total += bytes.length;
        entries.add(new ArchiveEntry(path, bytes));
      }
    } catch (IOException | IllegalArgumentException e) {
      throw new ContentFormatException(Fault.MALFORMED, null, 0, "not a readable zip archive: " + e.getMessage());
    }
    if (count == 0 && !looksLikeZip(zip)) {
      throw new ContentFormatException(Fault.MALFORMED, null, 0, "not a zip archive");
    }
    return entries;
  }

  private byte[] inflate(InputStream in, String path, long totalLeft) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[BUFFER];
    int read;
    while ((read = in.read(buffer)) > 0) {
      out.write(buffer, 0, read);
      if (out.size() > limits.maxEntryBytes()) {
        throw tooLarge("'" + path + "' unpacks to more than " + limits.maxEntryBytes() + " bytes");
      }
      if (out.size() > totalLeft) {
        throw tooLarge("the archive unpacks to more than " + limits.maxTotalBytes() + " bytes");
      }
    }
    return out.toByteArray();
  }

  /** The entry's name as a safe relative path; fails for absolute paths, drive letters and {@code ..}. */
  static String checkedPath(String name) {
    String path = name.replace('\\', '/');
    if (path.startsWith("/") || path.matches("^[A-Za-z]:.*") || path.indexOf('\0') >= 0) {
      throw unsafe(name);
    }
    for (String segment : path.split("/")) {
      if (segment.equals("..")) {
        throw unsafe(name);
      }
    }
    return path.replaceAll("/{2,}", "/").replaceAll("^(\\./)+", "");
  }

  private static boolean isClutter(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    return path.startsWith("__MACOSX/") || name.startsWith(".") || name.equals("Thumbs.db");
  }

  private static boolean looksLikeZip(byte[] bytes) {
    return bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K';
  }

  private static ContentFormatException unsafe(String name) {
    return new ContentFormatException(Fault.MALFORMED, null, 0,
        "archive entry '" + name + "' points outside the archive; entries must be relative paths without '..'");
  }

  private static ContentFormatException tooLarge(String message) {
    return new ContentFormatException(Fault.TOO_LARGE, null, 0, message);
  }
}

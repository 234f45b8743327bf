package community.recommender.content.format;

import java.util.Objects;

/** Thrown when a content item cannot be read or accepted; names the field, and the line where one is known. */
public final class ContentFormatException extends RuntimeException {
  private final Fault fault;
  private final String field;
  private final int line;

  /** An invalid value in {@code field}. */
  public ContentFormatException(String field, String message) {
    this(Fault.INVALID, field, 0, message);
  }

  /** An invalid value in {@code field}, at {@code line}. */
  public ContentFormatException(String field, int line, String message) {
    this(Fault.INVALID, field, line, message);
  }

  public ContentFormatException(Fault fault, String field, int line, String message) {
    super(message);
    this.fault = Objects.requireNonNull(fault, "fault");
    this.field = field;
    this.line = line;
  }

  /** Input that cannot be parsed at all. */
  public static ContentFormatException malformed(int line, String message) {
    return new ContentFormatException(Fault.MALFORMED, null, line, message);
  }

  /** The same problem, placed at {@code line}. */
  public ContentFormatException atLine(int line) {
    return new ContentFormatException(fault, field, line, getMessage());
  }

  public Fault fault() {
    return fault;
  }

  /** The offending field, or null when the problem is with the whole item. */
  public String field() {
    return field;
  }

  /** The line in the source file, or 0 when unknown. */
  public int line() {
    return line;
  }
}

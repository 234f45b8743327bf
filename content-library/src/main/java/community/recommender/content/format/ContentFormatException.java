package community.recommender.content.format;

/** Thrown when a content item cannot be read; names the field, and the line where one is known. */
public final class ContentFormatException extends RuntimeException {
  private final String field;
  private final int line;

  public ContentFormatException(String field, String message) {
    this(field, 0, message);
  }

  public ContentFormatException(String field, int line, String message) {
    super(message);
    this.field = field;
    this.line = line;
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

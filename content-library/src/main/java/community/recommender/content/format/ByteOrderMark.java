package community.recommender.content.format;

/** The byte-order mark that Windows editors and spreadsheet exports put before UTF-8 text. */
public final class ByteOrderMark {
  private ByteOrderMark() {}

  /** {@code text} without a leading byte-order mark. */
  public static String strip(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}

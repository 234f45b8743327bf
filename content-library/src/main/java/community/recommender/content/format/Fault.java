package community.recommender.content.format;

/** What is wrong with rejected content, which decides how the caller is told. */
public enum Fault {
  /** The input cannot be parsed: broken JSON, YAML, CSV, UTF-8 or archive. */
  MALFORMED,
  /** The input parses, but a field holds a value that is not accepted. */
  INVALID,
  /** The input is over a size or count limit. */
  TOO_LARGE,
  /** The input is of a type that is not accepted, such as a file that is not an image. */
  UNSUPPORTED
}

package community.recommender.content.upload;

import community.recommender.content.format.Fault;

/**
 * Why a file was rejected, placed as exactly as the format allows.
 *
 * @param file the file's name; inside an archive, {@code archive.zip/path/in/archive.md}
 * @param line the line in a CSV, JSON or front matter file, or 0 when it has none
 * @param field the offending field or column, or null
 * @param fault what kind of problem it is
 * @param message what is wrong, and what would be right
 */
public record ContentProblem(String file, int line, String field, Fault fault, String message) {

  /** {@code file:line: message}, the form editors' tools understand. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + message;
  }
}

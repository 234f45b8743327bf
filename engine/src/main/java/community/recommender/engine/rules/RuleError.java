package community.recommender.engine.rules;

/** One problem in a rule set, located by file, line and column (line and column from 1; 0 when unknown). */
public record RuleError(String file, int line, int column, String message) {

  /** The error as {@code file:line:column: message}, the form compilers and editors understand. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column + ": " + message;
  }
}

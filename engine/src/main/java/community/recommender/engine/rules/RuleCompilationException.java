package community.recommender.engine.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rule set cannot be activated because some of its files are wrong, or it is too large. */
public final class RuleCompilationException extends Exception {
  private final transient List<RuleError> errors;
  private final boolean tooLarge;

  public RuleCompilationException(List<RuleError> errors) {
    this(errors, false);
  }

  private RuleCompilationException(List<RuleError> errors, boolean tooLarge) {
    super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
    this.tooLarge = tooLarge;
  }

  /** A rule set refused for its size before anything of it was read. */
  public static RuleCompilationException tooLarge(List<RuleError> errors) {
    return new RuleCompilationException(errors, true);
  }

  public List<RuleError> errors() {
    return errors;
  }

  /** Whether the set was refused for its size (HTTP 413) rather than its content (422). */
  public boolean tooLarge() {
    return tooLarge;
  }
}

package community.recommender.engine.rules;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a rule set cannot be activated because some of its files are wrong. */
public final class RuleCompilationException extends Exception {
  private final transient List<RuleError> errors;

  public RuleCompilationException(List<RuleError> errors) {
    super(errors.stream().map(RuleError::toString).collect(Collectors.joining("\n")));
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}

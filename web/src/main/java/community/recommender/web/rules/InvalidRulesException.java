package community.recommender.web.rules;

import community.recommender.engine.rules.RuleError;
import java.util.List;

/**
 * Thrown when a proposed rule set is unsafe or does not compile (answered with 422), or is too large
 * (413); the answer lists every error.
 */
public final class InvalidRulesException extends RuntimeException {
  private final transient List<RuleError> errors;
  private final boolean tooLarge;

  public InvalidRulesException(List<RuleError> errors) {
    this(errors, false);
  }

  public InvalidRulesException(List<RuleError> errors, boolean tooLarge) {
    super(tooLarge ? "the rule set is too large"
        : errors.size() == 1 ? "the rule set has an error" : "the rule set has " + errors.size() + " errors");
    this.errors = List.copyOf(errors);
    this.tooLarge = tooLarge;
  }

  /** The HTTP status this refusal is answered with. */
  public int status() {
    return tooLarge ? 413 : 422;
  }

  public List<RuleError> errors() {
    return errors;
  }
}

package community.recommender.web.application.playbook;

import community.recommender.engine.rules.RuleError;
import java.util.List;

/** Thrown when a proposed rule set is unsafe or does not compile; answered with 422 and every error. */
public final class RuleSetRejected extends RuntimeException {
  private final transient List<RuleError> errors;

  public RuleSetRejected(List<RuleError> errors) {
    super(errors.size() == 1 ? "the rule set has an error" : "the rule set has " + errors.size() + " errors");
    this.errors = List.copyOf(errors);
  }

  public List<RuleError> errors() {
    return errors;
  }
}

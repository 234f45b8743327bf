package community.recommender.web.application.playbook;

import community.recommender.engine.rules.RuleError;
import java.util.List;

/**
 * Thrown when a proposed rule set is unsafe, does not compile or is over a size limit; it carries
 * every error.
 *
 * <p>A set over a size limit is refused before anything of it compiles, so callers can tell "too
 * large to consider" from "considered and wrong".
 */
public final class RuleSetRejected extends RuntimeException {
  private final transient List<RuleError> errors;
  private final boolean tooLarge;

  public RuleSetRejected(List<RuleError> errors, boolean tooLarge) {
    super(tooLarge ? "the rule set is too large"
        : errors.size() == 1 ? "the rule set has an error" : "the rule set has " + errors.size() + " errors");
    this.errors = List.copyOf(errors);
    this.tooLarge = tooLarge;
  }

  public List<RuleError> errors() {
    return errors;
  }

  /** Whether the set was refused for its size, before anything of it was read. */
  public boolean tooLarge() {
    return tooLarge;
  }
}

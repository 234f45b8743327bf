package community.recommender.engine.rules;

/** Thrown when a decision exceeds one of its {@link RuleLimits}: a runaway rule set. */
public final class RunawayRulesException extends RuntimeException {
  private final String rule;

  public RunawayRulesException(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  /** The rule that was firing, or fired last, when the limit was reached; empty when none had. */
  public String rule() {
    return rule;
  }
}

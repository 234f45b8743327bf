package community.recommender.engine.model;

/**
 * A fact that a rule inserts to shape a decision, remembered with the name of that rule.
 *
 * <p>Rules never name themselves: the engine attributes each outcome to the rule whose
 * consequence inserted it, so every reason in a suggestion names a real rule.
 */
public abstract class RuleOutcome {
  private String rule;

  /** Records the rule that inserted this outcome; the first attribution sticks. */
  public final void attributeTo(String ruleName) {
    if (rule == null) {
      rule = ruleName;
    }
  }

  /** The name of the rule that inserted this outcome, or null when no rule did. */
  public final String getRule() {
    return rule;
  }
}

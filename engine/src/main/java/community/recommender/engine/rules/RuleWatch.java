package community.recommender.engine.rules;

/** What one decision's rules are doing: the rule firing now, the last one fired, and the deadline. */
public final class RuleWatch {
  private final long deadlineNanos;
  private volatile String firing = "";
  private volatile String last = "";

  public RuleWatch(long deadlineNanos) {
    this.deadlineNanos = deadlineNanos;
  }

  void firing(String rule) {
    firing = rule;
    last = rule;
  }

  void fired() {
    firing = "";
  }

  boolean pastDeadline() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  /** The rule whose consequence is running now, or empty between firings. */
  public String firingNow() {
    return firing;
  }

  /** The rule that fired most recently, or empty when none has. */
  public String lastRule() {
    return last;
  }
}

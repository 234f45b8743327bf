package community.recommender.engine.rules;

import java.time.Duration;

/**
 * How much one stage of one decision may do before it is stopped as runaway.
 *
 * @param maxFirings rule firings per stage
 * @param timeBudget wall-clock time per stage
 */
public record RuleLimits(int maxFirings, Duration timeBudget) {
  /** Generous for any sane playbook: a stage normally fires a few dozen rules in a millisecond or two. */
  public static final RuleLimits DEFAULT = new RuleLimits(10_000, Duration.ofMillis(500));
}

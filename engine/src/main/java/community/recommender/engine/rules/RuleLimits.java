package community.recommender.engine.rules;

import java.time.Duration;

/**
 * How much one decision may do before it is stopped as runaway.
 *
 * @param maxFirings rule firings per stage
 * @param maxInsertedFacts facts the rules of one stage may insert
 * @param timeBudget wall-clock time for the whole decision, held even inside one consequence
 */
public record RuleLimits(int maxFirings, int maxInsertedFacts, Duration timeBudget) {
  /**
   * Generous for any sane playbook (a decision normally takes a few milliseconds), so that a machine
   * under load never fails an honest decision; a runaway one is still stopped within seconds.
   */
  public static final RuleLimits DEFAULT = new RuleLimits(10_000, 2_000, Duration.ofSeconds(5));
}

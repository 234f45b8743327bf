package community.recommender.engine.rules;

/** Thrown when one stage of a decision fires more rules than its budget allows: a runaway rule set. */
public final class RuleFiringLimitException extends RuntimeException {

  public RuleFiringLimitException(String stage, int limit) {
    super("rule stage '" + stage + "' fired " + limit + " rules without settling; a rule probably re-triggers itself");
  }
}

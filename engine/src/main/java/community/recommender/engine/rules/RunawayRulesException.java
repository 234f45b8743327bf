package community.recommender.engine.rules;

/** Thrown when one stage of a decision exceeds its firing limit or time budget: a runaway rule set. */
public final class RunawayRulesException extends RuntimeException {

  public RunawayRulesException(String message) {
    super(message);
  }
}

package community.recommender.web.application.suggestions;

/** Thrown when the active rules failed one decision (a runaway rule set); the server keeps serving. */
public final class DecisionFailed extends RuntimeException {

  public DecisionFailed(String message, Throwable cause) {
    super(message, cause);
  }
}

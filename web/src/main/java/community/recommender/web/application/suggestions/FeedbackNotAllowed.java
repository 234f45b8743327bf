package community.recommender.web.application.suggestions;

/** Thrown when a caller may not report on a suggestion: another group's, or another bot's. */
public final class FeedbackNotAllowed extends RuntimeException {

  public FeedbackNotAllowed(String message) {
    super(message);
  }
}

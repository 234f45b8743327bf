package community.recommender.web.application.suggestions;

/** Thrown when there is no suggestion with the id asked for. */
public final class SuggestionNotFound extends RuntimeException {

  public SuggestionNotFound(String suggestionId) {
    super("no suggestion '" + suggestionId + "'");
  }
}

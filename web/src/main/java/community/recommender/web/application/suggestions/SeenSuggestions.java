package community.recommender.web.application.suggestions;

/**
 * The suggestions a poller says it already holds (its {@code If-None-Match}): a poll is not answered
 * with them again, so it never claims them either.
 */
@FunctionalInterface
public interface SeenSuggestions {
  /** A poller that holds nothing. */
  SeenSuggestions NONE = id -> false;

  /** Whether the poller already holds the suggestion with {@code suggestionId}. */
  boolean holds(String suggestionId);
}

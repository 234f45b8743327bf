package community.recommender.web.application.suggestions;

import community.recommender.engine.model.Reason;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.PendingSuggestion;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** What a poll for a group's next suggestion comes to. */
public sealed interface SuggestionAnswer {

  /**
   * A suggestion to post, with the explanation of how it was chosen and, once a poll encoded it, its
   * plain answer's bytes.
   */
  record Suggested(Suggestion suggestion, JsonObject explanation, EncodedAnswer encoded) implements SuggestionAnswer {

    /** A suggestion not encoded yet. */
    public Suggested(Suggestion suggestion, JsonObject explanation) {
      this(suggestion, explanation, new EncodedAnswer());
    }

    /** The pending suggestion as stored. */
    static Suggested of(PendingSuggestion pending) {
      return new Suggested(pending.suggestion(), pending.explanation());
    }
  }

  /**
   * Rules hold the group back until {@code until}: quiet hours, pacing or a quota; with, once a poll
   * encoded them, the headers of its answer that stay the same while it stands.
   */
  record Held(Instant until, List<Reason> reasons, JsonObject explanation, EncodedAnswer encoded)
      implements SuggestionAnswer {

    /** A hold not encoded yet. */
    public Held(Instant until, List<Reason> reasons, JsonObject explanation) {
      this(until, reasons, explanation, new EncodedAnswer());
    }
  }

  /** Nothing at all may be sent although no rule holds the group; ask again at {@code retryAt}. */
  record Nothing(Instant retryAt, List<Reason> reasons, JsonObject explanation) implements SuggestionAnswer {}
}

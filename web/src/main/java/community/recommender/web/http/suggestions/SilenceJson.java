package community.recommender.web.http.suggestions;

import community.recommender.web.application.suggestions.SuggestionAnswer;
import community.recommender.web.store.RecordedSilence;
import io.vertx.core.json.JsonObject;

/**
 * Writes why a group gets nothing now, for an operator's {@code ?explain=true}: held by rules or
 * empty (nothing may be sent), why, until when, and the whole decision.
 */
public final class SilenceJson {
  private SilenceJson() {}

  /** The silence of a held or empty answer, with the seconds until it is worth asking again. */
  public static JsonObject toJson(SuggestionAnswer answer, long retryAfterSeconds) {
    if (answer instanceof SuggestionAnswer.Held held) {
      return new JsonObject().put("status", "held").put("until", held.until().toString())
          .put("retryAfter", retryAfterSeconds).put("reasons", SuggestionJson.reasons(held.reasons()))
          .put("explanation", held.explanation());
    }
    SuggestionAnswer.Nothing nothing = (SuggestionAnswer.Nothing) answer;
    return new JsonObject().put("status", "empty").put("until", nothing.retryAt().toString())
        .put("retryAfter", retryAfterSeconds).put("reasons", SuggestionJson.reasons(nothing.reasons()))
        .put("explanation", nothing.explanation());
  }

  /**
   * A recorded silence: its status, since when the same silence lasts, when and how often decisions
   * met it, and why; with {@code withDecision}, the whole decision too.
   */
  public static JsonObject recorded(RecordedSilence recorded, boolean withDecision) {
    JsonObject json = new JsonObject().put("status", recorded.silence().status())
        .put("since", recorded.since().toString()).put("lastSeen", recorded.lastSeen().toString())
        .put("decisions", recorded.decisions()).put("until", recorded.silence().until().toString())
        .put("ruleSetVersion", recorded.silence().ruleSetVersion())
        .put("reasons", SuggestionJson.reasons(recorded.silence().reasons()));
    if (withDecision) {
      json.put("explanation", recorded.silence().explanation());
    }
    return json;
  }
}

package community.recommender.web.http.groups;

import community.recommender.web.store.SentSuggestion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;

/** Writes a page of a group's suggestion history: each decision and what became of it, newest first. */
final class GroupHistoryJson {
  private GroupHistoryJson() {}

  /** The page; {@code next} is the id to pass as {@code before} for the page after it, or null on the last. */
  static JsonObject page(String groupId, List<SentSuggestion> page, String next) {
    JsonArray items = new JsonArray();
    page.forEach(sent -> items.add(toJson(sent)));
    JsonObject json = new JsonObject().put("groupId", groupId).put("items", items);
    return next == null ? json : json.put("next", next);
  }

  private static JsonObject toJson(SentSuggestion sent) {
    JsonObject json = new JsonObject()
        .put("id", sent.id().toString())
        .put("contentId", sent.contentId())
        .put("kind", sent.kind())
        .put("score", sent.score())
        .put("ruleSetVersion", sent.ruleSetVersion())
        .put("state", sent.state())
        .put("decidedAt", sent.decidedAt().toString())
        .put("metrics", new JsonObject(new java.util.LinkedHashMap<>(sent.metrics())));
    putIfPresent(json, "title", sent.title());
    putIfPresent(json, "deliveredAt", sent.deliveredAt());
    putIfPresent(json, "outcome", sent.outcome());
    putIfPresent(json, "outcomeAt", sent.outcomeAt());
    putIfPresent(json, "postedAt", sent.postedAt());
    putIfPresent(json, "reward", sent.reward());
    putIfPresent(json, "supersededAt", sent.supersededAt());
    putIfPresent(json, "supersededBecause", sent.supersededBecause());
    return json;
  }

  private static void putIfPresent(JsonObject json, String name, Object value) {
    if (value != null) {
      json.put(name, value instanceof Instant at ? at.toString() : value);
    }
  }
}

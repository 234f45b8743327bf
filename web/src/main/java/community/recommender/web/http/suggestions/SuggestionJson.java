package community.recommender.web.http.suggestions;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.Suggestion;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes a suggestion as chat tools receive it. */
public final class SuggestionJson {
  private SuggestionJson() {}

  public static JsonObject toJson(Suggestion suggestion) {
    return new JsonObject()
        .put("id", suggestion.id())
        .put("groupId", suggestion.groupId())
        .put("kind", suggestion.kind().name())
        .put("content", content(suggestion.content()))
        .put("score", suggestion.score())
        .put("reasons", reasons(suggestion.reasons()))
        .put("ruleSetVersion", suggestion.ruleSetVersion())
        .put("createdAt", suggestion.createdAt().toString());
  }

  /** The content as a chat tool needs it to post: id, title, body and tags. */
  public static JsonObject content(ContentItem item) {
    return new JsonObject()
        .put("id", item.getId())
        .put("kind", item.getKind().name())
        .put("title", item.getTitle())
        .put("body", item.getBody())
        .put("language", item.getLanguage())
        .put("tags", new JsonArray(item.getTags()))
        .put("version", item.getVersion());
  }

  public static JsonArray reasons(List<Reason> reasons) {
    JsonArray array = new JsonArray();
    reasons.forEach(r -> array.add(new JsonObject().put("rule", r.rule()).put("message", r.message())));
    return array;
  }
}

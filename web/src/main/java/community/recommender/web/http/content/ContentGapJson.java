package community.recommender.web.http.content;

import community.recommender.web.store.OpenGap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes what the library lacks, for {@code GET /api/v1/content/gaps}. */
final class ContentGapJson {
  private ContentGapJson() {}

  static JsonObject toJson(List<OpenGap> gaps) {
    JsonArray list = new JsonArray();
    gaps.forEach(gap -> list.add(new JsonObject()
        .put("kind", gap.kind().name())
        .put("tags", new JsonArray(gap.tags()))
        .put("interests", new JsonArray(gap.interests()))
        .put("language", gap.language())
        .put("region", gap.region())
        .put("rule", gap.rule())
        .put("groupsWaiting", gap.groupsWaiting())
        .put("groups", new JsonArray(gap.groups()))
        .put("since", gap.firstSeen().toString())
        .put("lastSeen", gap.lastSeen().toString())));
    return new JsonObject().put("gaps", list).put("total", gaps.size());
  }
}

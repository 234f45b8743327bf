package community.recommender.web.http;

import community.recommender.content.rendering.LimitBreach;
import community.recommender.content.rendering.Platforms;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;

/** Writes platform limits an item goes over, each naming its platform and limit. */
public final class LimitBreachJson {
  private LimitBreachJson() {}

  public static JsonArray toJson(List<LimitBreach> breaches) {
    JsonArray array = new JsonArray();
    breaches.forEach(b -> array.add(new JsonObject()
        .put("platform", Platforms.formatName(b.platform()))
        .put("limit", b.limit())
        .put("allowed", b.allowed())
        .put("actual", b.actual())
        .put("message", b.message())));
    return array;
  }
}

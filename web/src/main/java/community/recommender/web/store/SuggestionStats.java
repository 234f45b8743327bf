package community.recommender.web.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/** Outcomes summed per rule and per content item. */
public interface SuggestionStats {

  /** Per rule and per content item, for suggestions made in [since, until), of one group or all (null). */
  Future<JsonObject> between(Instant since, Instant until, String groupId);
}

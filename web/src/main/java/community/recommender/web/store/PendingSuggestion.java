package community.recommender.web.store;

import community.recommender.engine.model.Suggestion;
import io.vertx.core.json.JsonObject;

/** A group's pending suggestion as stored, with the explanation of how it was chosen. */
public record PendingSuggestion(Suggestion suggestion, JsonObject explanation) {}

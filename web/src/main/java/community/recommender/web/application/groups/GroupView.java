package community.recommender.web.application.groups;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.PostingRecency;
import io.vertx.core.json.JsonArray;
import java.util.Optional;

/**
 * A group as its view shows it.
 *
 * @param recency how long ago each kind was last posted
 * @param pending the suggestion waiting for the group's bot, if any
 * @param daily the activity of each of the last 30 days, oldest first
 */
public record GroupView(Group group, PostingRecency recency, Optional<Suggestion> pending, JsonArray daily) {}

package community.recommender.web.store;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import community.recommender.engine.model.Trend;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * A group as lists show it: its portrait, its assessment as last stored, its pending suggestion
 * and when something was last posted.
 *
 * <p>The assessment fields are null for a group not assessed yet, which lasts only until the
 * first periodic pass after an upgrade.
 *
 * @param pending the pending suggestion as {@code {id, kind, contentId, title}}, or null
 * @param lastPostedAt when a chat tool last reported a post, or null when never
 */
public record GroupSummary(String id, Portrait portrait, Integer level, ActivityBand band, Trend trend, Stage stage,
    Instant assessedAt, JsonObject pending, Instant lastPostedAt) {}

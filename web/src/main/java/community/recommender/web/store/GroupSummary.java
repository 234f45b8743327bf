package community.recommender.web.store;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import community.recommender.engine.model.Trend;
import java.time.Instant;

/**
 * A group as lists show it: its portrait and its assessment as last stored.
 *
 * <p>The assessment fields are null for a group not assessed yet, which lasts only until the
 * first periodic pass after an upgrade.
 */
public record GroupSummary(String id, Portrait portrait, Integer level, ActivityBand band, Trend trend, Stage stage,
    Instant assessedAt) {}

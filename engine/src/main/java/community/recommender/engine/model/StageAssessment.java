package community.recommender.engine.model;

import java.time.Duration;
import java.time.Instant;

/**
 * Places a group in its life from its age and activity.
 *
 * <p>A group with a dormant band is DORMANT whatever its age. Otherwise it is NEW for its first
 * 30 days, DECLINING when its activity is falling, GROWING until day 90 and MATURE after. Age counts
 * from when the community really started (see {@link Group#getStartedAt()}), not from when it was
 * registered here.
 */
public final class StageAssessment {
  private StageAssessment() {}

  /** The stage of a group that started at {@code startedAt}, with {@code activity}, seen at {@code now}. */
  public static Stage stageOf(Instant startedAt, Activity activity, Instant now) {
    long ageDays = Duration.between(startedAt, now).toDays();
    if (activity.getBand() == ActivityBand.DORMANT) {
      return Stage.DORMANT;
    }
    if (ageDays < 30) {
      return Stage.NEW;
    }
    if (activity.getTrend() == Trend.FALLING) {
      return Stage.DECLINING;
    }
    return ageDays < 90 ? Stage.GROWING : Stage.MATURE;
  }
}

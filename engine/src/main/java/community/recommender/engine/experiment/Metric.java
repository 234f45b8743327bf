package community.recommender.engine.experiment;

import java.util.Locale;

/**
 * What an experiment measures per group: from the activity the group's chat tool reports, or from
 * the rewards of the suggestions it posted.
 */
public enum Metric {
  /** Messages, reactions and clicks per member per week. */
  INTERACTIONS,
  /** Orders per member per week. */
  ORDERS,
  /** The mean reward of the group's posts (learning's reward: engagement per active member, 0 to 1). */
  REWARD;

  /** The name in the API: {@code interactions} or {@code orders}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether the metric is read from activity reports, rather than from posts' rewards. */
  public boolean fromActivityReports() {
    return this != REWARD;
  }

  /** What one group's value is measured in, for reports. */
  public String unit() {
    return this == REWARD ? "mean reward per post" : apiName() + " per member per week";
  }

  /** The count this metric takes from one stretch of reports. */
  public long of(long messages, long reactions, long clicks, long orders) {
    return this == INTERACTIONS ? messages + reactions + clicks : orders;
  }
}

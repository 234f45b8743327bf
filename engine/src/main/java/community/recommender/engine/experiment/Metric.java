package community.recommender.engine.experiment;

import java.util.Locale;

/** What an experiment measures per group, from the activity the group's chat tool reports. */
public enum Metric {
  /** Messages, reactions and clicks per member per week. */
  INTERACTIONS,
  /** Orders per member per week. */
  ORDERS;

  /** The name in the API: {@code interactions} or {@code orders}. */
  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The count this metric takes from one stretch of reports. */
  public long of(long messages, long reactions, long clicks, long orders) {
    return this == INTERACTIONS ? messages + reactions + clicks : orders;
  }
}

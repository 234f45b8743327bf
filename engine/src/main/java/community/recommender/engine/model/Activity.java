package community.recommender.engine.model;

/**
 * How alive a group is: the last week's counts and what they mean relative to its size.
 *
 * <p>The level measures interactions per member per week: {@code messages + reactions / 2}
 * divided by the member count, scaled so that two interactions per member per week reads as
 * 100. The trend compares the last 7 days with the weekly average of the last 28.
 */
public final class Activity {
  private final ActivityCounts last7Days;
  private final ActivityCounts last28Days;
  private final int level;
  private final ActivityBand band;
  private final Trend trend;

  private Activity(ActivityCounts last7Days, ActivityCounts last28Days, int level, Trend trend) {
    this.last7Days = last7Days;
    this.last28Days = last28Days;
    this.level = level;
    this.band = ActivityBand.ofLevel(level);
    this.trend = trend;
  }

  /** Assesses a group of {@code memberCount} members from its last 7 and 28 days of counts. */
  public static Activity assess(ActivityCounts last7Days, ActivityCounts last28Days, int memberCount) {
    return new Activity(last7Days, last28Days, levelOf(last7Days, memberCount), trendOf(last7Days, last28Days));
  }

  static int levelOf(ActivityCounts week, int memberCount) {
    double interactions = week.getMessages() + week.getReactions() / 2.0;
    double perMember = interactions / Math.max(1, memberCount);
    return (int) Math.min(100, Math.round(perMember * 50));
  }

  static Trend trendOf(ActivityCounts week, ActivityCounts month) {
    double lastWeek = week.getMessages() + week.getReactions() / 2.0;
    double usualWeek = (month.getMessages() + month.getReactions() / 2.0) / 4.0;
    if (usualWeek == 0) {
      return lastWeek > 0 ? Trend.RISING : Trend.STEADY;
    }
    double ratio = lastWeek / usualWeek;
    if (ratio >= 1.2) {
      return Trend.RISING;
    }
    if (ratio <= 0.8) {
      return Trend.FALLING;
    }
    return Trend.STEADY;
  }

  public ActivityCounts getLast7Days() {
    return last7Days;
  }

  public ActivityCounts getLast28Days() {
    return last28Days;
  }

  public int getLevel() {
    return level;
  }

  public ActivityBand getBand() {
    return band;
  }

  public Trend getTrend() {
    return trend;
  }

  /** The share of last week's messages that were complaints, from 0 to 1. */
  public double getComplaintShare() {
    return last7Days.getComplaintShare();
  }
}

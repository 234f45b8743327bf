package community.recommender.engine.model;

/**
 * How alive a group is: the last week's counts and what they mean relative to its size.
 *
 * <p>A report counts toward a period when its window ends inside it: the last 7 days are the
 * reports ending in {@code (now - 7 days, now]}, the last 28 days those ending in
 * {@code (now - 28 days, now]}. Interactions are {@code messages + reactions / 2}: a reaction is
 * half a message's worth of attention.
 *
 * <ul>
 *   <li>Level, 0 to 100: {@code round(50 * interactions in the last 7 days / members)}, capped at
 *       100, so two interactions per member per week reads as 100. Being relative to size, a
 *       500-member group needs ten times the talk of a 50-member one for the same level. A group
 *       without a member count is measured as if it had one member.
 *   <li>Band: see {@link ActivityBand#ofLevel}.
 *   <li>Trend: the last 7 days' interactions against the usual week of the history the group
 *       actually has: {@code interactions in the last 28 days / weeks of history}, where the weeks
 *       of history are the days since the first report, capped at 28, over 7 (at least 1). A
 *       group reporting for 14 days compares its last week with half of those 14 days, not with a
 *       quarter. RISING at a ratio of 1.2 or more, FALLING at 0.8 or less, STEADY between. With no
 *       interactions in 28 days it is STEADY, and any interaction after a silent month is RISING.
 *   <li>Complaint share, the group's sentiment: last week's complaints over its messages, from 0
 *       to 1; 0 when nobody spoke.
 * </ul>
 */
public final class Activity {
  private static final int FULL_HISTORY_DAYS = 28;

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

  /** Assesses a group of {@code memberCount} members with at least 28 days of reports. */
  public static Activity assess(ActivityCounts last7Days, ActivityCounts last28Days, int memberCount) {
    return assess(last7Days, last28Days, memberCount, FULL_HISTORY_DAYS);
  }

  /**
   * Assesses a group of {@code memberCount} members from its last 7 and 28 days of counts, of which
   * only the last {@code daysOfHistory} hold reports (the group started reporting then).
   */
  public static Activity assess(ActivityCounts last7Days, ActivityCounts last28Days, int memberCount,
      long daysOfHistory) {
    return new Activity(last7Days, last28Days, levelOf(last7Days, memberCount),
        trendOf(last7Days, last28Days, daysOfHistory));
  }

  static int levelOf(ActivityCounts week, int memberCount) {
    double interactions = week.getMessages() + week.getReactions() / 2.0;
    double perMember = interactions / Math.max(1, memberCount);
    return (int) Math.min(100, Math.round(perMember * 50));
  }

  static Trend trendOf(ActivityCounts week, ActivityCounts month, long daysOfHistory) {
    double weeks = Math.max(1.0, Math.min(FULL_HISTORY_DAYS, daysOfHistory) / 7.0);
    double lastWeek = week.getMessages() + week.getReactions() / 2.0;
    double usualWeek = (month.getMessages() + month.getReactions() / 2.0) / weeks;
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

  /** Interactions per member in the last 7 days, 0 to 100; see the class comment for the formula. */
  public int getLevel() {
    return level;
  }

  public ActivityBand getBand() {
    return band;
  }

  public Trend getTrend() {
    return trend;
  }

  /** The group's sentiment: the share of last week's messages that were complaints, from 0 to 1. */
  public double getComplaintShare() {
    return last7Days.getComplaintShare();
  }
}

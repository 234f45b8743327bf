package community.recommender.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The activity formulas at the edges of their bands, for a group of 100 members. */
class ActivityTest {
  private static final int MEMBERS = 100;

  private static ActivityCounts week(long messages, long reactions) {
    return new ActivityCounts(messages, 0, 0, 0, reactions, 0, 0, 0);
  }

  private static Activity assess(long messages, long reactions) {
    ActivityCounts week = week(messages, reactions);
    return Activity.assess(week, week(messages * 4, reactions * 4), MEMBERS);
  }

  @Test
  void level_isFiftyTimesInteractionsPerMember() {
    assertThat(assess(0, 0).getLevel()).isZero();
    assertThat(assess(10, 0).getLevel()).isEqualTo(5);
    assertThat(assess(100, 0).getLevel()).isEqualTo(50);
    assertThat(assess(100, 100).getLevel()).isEqualTo(75);
  }

  @Test
  void reaction_countsAsHalfAMessage() {
    assertThat(assess(0, 20).getLevel()).isEqualTo(assess(10, 0).getLevel());
  }

  @Test
  void level_isCappedAt100() {
    assertThat(assess(200, 0).getLevel()).isEqualTo(100);
    assertThat(assess(10_000, 0).getLevel()).isEqualTo(100);
  }

  @Test
  void level_isRelativeToMemberCount() {
    ActivityCounts week = week(100, 0);

    assertThat(Activity.assess(week, week, 1000).getLevel()).isEqualTo(5);
    assertThat(Activity.assess(week, week, 100).getLevel()).isEqualTo(50);
  }

  @Test
  void groupWithoutMemberCount_isMeasuredAsOneMember() {
    assertThat(Activity.assess(week(1, 0), week(4, 0), 0).getLevel()).isEqualTo(50);
  }

  @Test
  void level_roundsHalfUp() {
    // 9 messages from 100 members read as 4.5, which rounds to 5; 8 messages and a reaction read as 4.25.
    assertThat(assess(9, 0).getLevel()).isEqualTo(5);
    assertThat(assess(8, 1).getLevel()).isEqualTo(4);
  }

  @Test
  void band_atEachEdge() {
    assertThat(assess(8, 0).getBand()).isEqualTo(ActivityBand.DORMANT);
    assertThat(assess(10, 0).getBand()).isEqualTo(ActivityBand.QUIET);
    assertThat(assess(48, 0).getBand()).isEqualTo(ActivityBand.QUIET);
    assertThat(assess(50, 0).getBand()).isEqualTo(ActivityBand.ACTIVE);
    assertThat(assess(118, 0).getBand()).isEqualTo(ActivityBand.ACTIVE);
    assertThat(assess(120, 0).getBand()).isEqualTo(ActivityBand.HOT);
  }

  @Test
  void bandOfLevel_atEachEdge() {
    assertThat(ActivityBand.ofLevel(0)).isEqualTo(ActivityBand.DORMANT);
    assertThat(ActivityBand.ofLevel(4)).isEqualTo(ActivityBand.DORMANT);
    assertThat(ActivityBand.ofLevel(5)).isEqualTo(ActivityBand.QUIET);
    assertThat(ActivityBand.ofLevel(24)).isEqualTo(ActivityBand.QUIET);
    assertThat(ActivityBand.ofLevel(25)).isEqualTo(ActivityBand.ACTIVE);
    assertThat(ActivityBand.ofLevel(59)).isEqualTo(ActivityBand.ACTIVE);
    assertThat(ActivityBand.ofLevel(60)).isEqualTo(ActivityBand.HOT);
    assertThat(ActivityBand.ofLevel(100)).isEqualTo(ActivityBand.HOT);
  }

  @Test
  void trend_isRisingFromOnePointTwoTimesTheUsualWeek() {
    // 28 days of 40 messages make a usual week of 10.
    assertThat(Activity.trendOf(week(12, 0), week(40, 0), 28)).isEqualTo(Trend.RISING);
    assertThat(Activity.trendOf(week(11, 1), week(40, 0), 28)).isEqualTo(Trend.STEADY);
  }

  @Test
  void trend_isFallingAtZeroPointEightTimesTheUsualWeekOrLess() {
    assertThat(Activity.trendOf(week(8, 0), week(40, 0), 28)).isEqualTo(Trend.FALLING);
    assertThat(Activity.trendOf(week(8, 1), week(40, 0), 28)).isEqualTo(Trend.STEADY);
  }

  @Test
  void trend_afterASilentMonth() {
    assertThat(Activity.trendOf(ActivityCounts.NONE, ActivityCounts.NONE, 28)).isEqualTo(Trend.STEADY);
    assertThat(Activity.trendOf(week(1, 0), week(1, 0), 28)).isEqualTo(Trend.RISING);
  }

  @Test
  void trend_comparesWithTheHistoryTheGroupActuallyHas() {
    // 14 days of reports: 490 interactions, then 210. The usual week is 700 / 2, not 700 / 4.
    ActivityCounts lastWeek = week(210, 0);
    ActivityCounts fortnight = week(700, 0);

    assertThat(Activity.trendOf(lastWeek, fortnight, 14)).isEqualTo(Trend.FALLING);
    assertThat(Activity.trendOf(lastWeek, fortnight, 28)).isEqualTo(Trend.RISING);
    assertThat(Activity.trendOf(week(50, 0), week(50, 0), 3)).isEqualTo(Trend.STEADY);
  }

  @Test
  void complaintShare_isComplaintsOverMessages_andZeroWhenNobodySpoke() {
    ActivityCounts grumpy = new ActivityCounts(200, 0, 0, 0, 0, 0, 0, 10);
    ActivityCounts silentButComplaining = new ActivityCounts(0, 0, 0, 0, 0, 0, 0, 3);

    assertThat(Activity.assess(grumpy, grumpy, MEMBERS).getComplaintShare()).isEqualTo(0.05);
    assertThat(Activity.assess(silentButComplaining, silentButComplaining, MEMBERS).getComplaintShare()).isZero();
    assertThat(new ActivityCounts(2, 0, 0, 0, 0, 0, 0, 5).getComplaintShare()).isEqualTo(1.0);
  }
}

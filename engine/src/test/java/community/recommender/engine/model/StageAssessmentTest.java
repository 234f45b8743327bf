package community.recommender.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The lifecycle stage at the edges of its ages and bands. */
class StageAssessmentTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  private static final Activity DORMANT = activity(4, 16);
  private static final Activity STEADY = activity(30, 120);
  private static final Activity FALLING = activity(30, 160);

  private static Activity activity(long weekMessages, long monthMessages) {
    return Activity.assess(new ActivityCounts(weekMessages, 0, 0, 0, 0, 0, 0, 0),
        new ActivityCounts(monthMessages, 0, 0, 0, 0, 0, 0, 0), 100);
  }

  private static Stage stage(Duration age, Activity activity) {
    return StageAssessment.stageOf(NOW.minus(age), activity, NOW);
  }

  @Test
  void dormantBand_isDormantAtAnyAge() {
    assertThat(stage(Duration.ofDays(1), DORMANT)).isEqualTo(Stage.DORMANT);
    assertThat(stage(Duration.ofDays(400), DORMANT)).isEqualTo(Stage.DORMANT);
  }

  @Test
  void firstThirtyDays_areNew_evenWhenFalling() {
    assertThat(stage(Duration.ofDays(29).plusHours(23), STEADY)).isEqualTo(Stage.NEW);
    assertThat(stage(Duration.ofDays(29), FALLING)).isEqualTo(Stage.NEW);
    assertThat(stage(Duration.ofDays(30), STEADY)).isEqualTo(Stage.GROWING);
  }

  @Test
  void growingUntilDayNinety_thenMature() {
    assertThat(stage(Duration.ofDays(89).plusHours(23), STEADY)).isEqualTo(Stage.GROWING);
    assertThat(stage(Duration.ofDays(90), STEADY)).isEqualTo(Stage.MATURE);
  }

  @Test
  void fallingActivity_afterThirtyDays_isDeclining() {
    assertThat(FALLING.getTrend()).isEqualTo(Trend.FALLING);
    assertThat(stage(Duration.ofDays(30), FALLING)).isEqualTo(Stage.DECLINING);
    assertThat(stage(Duration.ofDays(400), FALLING)).isEqualTo(Stage.DECLINING);
  }
}

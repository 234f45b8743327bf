package community.recommender.engine.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RewardTest {

  @Test
  void reward_weighsEachMetricPerActiveMember() {
    PostMetrics metrics = new PostMetrics(10, 5, 4, 2, 0, 0);
    // 10 + 2*5 + 4 + 3*2 = 30 points among 100 active members
    assertThat(Reward.points(metrics)).isEqualTo(30);
    assertThat(Reward.of(metrics, 100)).isCloseTo(0.30, within(1e-12));
  }

  @Test
  void reward_countsComplaintsAndLeavesAgainstThePost() {
    PostMetrics liked = new PostMetrics(20, 0, 0, 0, 0, 0);
    PostMetrics likedThenLeft = new PostMetrics(20, 0, 0, 0, 1, 2);
    assertThat(Reward.points(likedThenLeft)).isEqualTo(20 - 3 - 10);
    assertThat(Reward.of(likedThenLeft, 100)).isLessThan(Reward.of(liked, 100));
  }

  @Test
  void reward_staysBetweenZeroAndOne() {
    assertThat(Reward.of(new PostMetrics(0, 0, 0, 0, 5, 5), 50)).isZero();
    assertThat(Reward.of(new PostMetrics(500, 100, 0, 0, 0, 0), 50)).isEqualTo(1.0);
  }

  @Test
  void reward_ofAGroupWithNoKnownMembers_dividesByOne() {
    assertThat(Reward.of(new PostMetrics(0, 0, 0, 0, 0, 0), 0)).isZero();
    assertThat(Reward.of(new PostMetrics(1, 0, 0, 0, 0, 0), 0)).isEqualTo(1.0);
  }

  @Test
  void metricsSentAgain_neverCountTwice() {
    PostMetrics first = new PostMetrics(10, 2, 1, 0, 0, 0);
    PostMetrics grown = new PostMetrics(14, 3, 1, 1, 0, 0);
    assertThat(first.merge(first)).isEqualTo(first);
    assertThat(first.merge(grown)).isEqualTo(grown);
    // an older report arriving after a newer one changes nothing
    assertThat(grown.merge(first)).isEqualTo(grown);
  }
}

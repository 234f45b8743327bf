package community.recommender.engine.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngagementModelTest {
  private static final Segment MATURE_COFFEE = new Segment(Stage.MATURE, "coffee");
  private static final Segment NEW_COFFEE = new Segment(Stage.NEW, "coffee");
  private static final double K = EngagementModel.PRIOR_POSTS;

  private static Observation seen(String id, ContentKind kind, List<String> tags, Segment segment, long posts,
      double rewardSum) {
    return new Observation(id, kind, tags, segment, new Evidence(posts, rewardSum));
  }

  @Test
  void posterior_withNothingKnown_isTheDefaultPrior() {
    Posterior p = EngagementModel.EMPTY.posterior("latte-art", ContentKind.POST, List.of("topic"), MATURE_COFFEE);
    assertThat(p.basis()).isEqualTo(Basis.DEFAULT);
    assertThat(p.posts()).isZero();
    assertThat(p.alpha()).isCloseTo(K * EngagementModel.DEFAULT_MEAN, within(1e-12));
    assertThat(p.beta()).isCloseTo(K * (1 - EngagementModel.DEFAULT_MEAN), within(1e-12));
  }

  @Test
  void posterior_addsEachRewardToAlphaAndItsRemainderToBeta() {
    EngagementModel model = EngagementModel.of(List.of(
        seen("latte-art", ContentKind.POST, List.of(), MATURE_COFFEE, 10, 3.0)));
    Posterior p = model.posterior("latte-art", ContentKind.POST, List.of(), MATURE_COFFEE);
    assertThat(p.basis()).isEqualTo(Basis.SEGMENT);
    assertThat(p.posts()).isEqualTo(10);
    // the prior comes from the item overall: these same 10 posts, shrunk towards the kind's prior
    double prior = (3.0 + K * ((3.0 + K * EngagementModel.DEFAULT_MEAN) / (10 + K))) / (10 + K);
    assertThat(p.alpha()).isCloseTo(K * prior + 3.0, within(1e-9));
    assertThat(p.beta()).isCloseTo(K * (1 - prior) + 7.0, within(1e-9));
    assertThat(p.mean()).isBetween(0.25, 0.30);
  }

  @Test
  void posterior_moreGoodPosts_raiseTheMeanAndNarrowIt() {
    EngagementModel few = EngagementModel.of(List.of(seen("a", ContentKind.POST, List.of(), MATURE_COFFEE, 4, 2)));
    EngagementModel many = EngagementModel.of(List.of(seen("a", ContentKind.POST, List.of(), MATURE_COFFEE, 40, 20)));
    Posterior p4 = few.posterior("a", ContentKind.POST, List.of(), MATURE_COFFEE);
    Posterior p40 = many.posterior("a", ContentKind.POST, List.of(), MATURE_COFFEE);
    assertThat(p40.mean()).isGreaterThan(p4.mean());
    assertThat(variance(p40)).isLessThan(variance(p4) / 5);
  }

  @Test
  void observations_ofTheSameItemAndSegment_addUp() {
    EngagementModel split = EngagementModel.of(List.of(
        seen("a", ContentKind.POST, List.of(), MATURE_COFFEE, 3, 1.0),
        seen("a", ContentKind.POST, List.of(), MATURE_COFFEE, 2, 0.5)));
    EngagementModel whole = EngagementModel.of(List.of(seen("a", ContentKind.POST, List.of(), MATURE_COFFEE, 5, 1.5)));
    assertThat(split.posterior("a", ContentKind.POST, List.of(), MATURE_COFFEE))
        .isEqualTo(whole.posterior("a", ContentKind.POST, List.of(), MATURE_COFFEE));
  }

  @Test
  void coldStart_fallsBackToTheItemInOtherSegments() {
    EngagementModel model = EngagementModel.of(List.of(
        seen("latte-art", ContentKind.POST, List.of("topic"), MATURE_COFFEE, 20, 8.0)));
    Posterior p = model.posterior("latte-art", ContentKind.POST, List.of("topic"), NEW_COFFEE);
    assertThat(p.basis()).isEqualTo(Basis.ITEM);
    assertThat(p.posts()).isZero();
    assertThat(p.mean()).isCloseTo((8.0 + K * EngagementModel.DEFAULT_MEAN) / 22, within(1e-9));
  }

  @Test
  void coldStart_withoutTheItem_fallsBackToItsTagsInTheSegment() {
    EngagementModel model = EngagementModel.of(List.of(
        seen("old-quiz", ContentKind.ACTIVITY, List.of("quiz"), MATURE_COFFEE, 18, 9.0),
        seen("old-poll", ContentKind.ACTIVITY, List.of("poll"), MATURE_COFFEE, 18, 0.0)));
    Posterior quiz = model.posterior("new-quiz", ContentKind.ACTIVITY, List.of("quiz"), MATURE_COFFEE);
    Posterior poll = model.posterior("new-poll", ContentKind.ACTIVITY, List.of("poll"), MATURE_COFFEE);
    assertThat(quiz.basis()).isEqualTo(Basis.TAGS);
    assertThat(quiz.mean()).isGreaterThan(0.35);
    assertThat(poll.mean()).isLessThan(0.1);
  }

  @Test
  void coldStart_withoutTagEvidence_fallsBackToItsKindInTheSegment() {
    EngagementModel model = EngagementModel.of(List.of(
        seen("old-quiz", ContentKind.ACTIVITY, List.of("quiz"), MATURE_COFFEE, 30, 15.0)));
    Posterior p = model.posterior("new-salon", ContentKind.ACTIVITY, List.of("salon"), MATURE_COFFEE);
    assertThat(p.basis()).isEqualTo(Basis.KIND);
    assertThat(p.mean()).isCloseTo((15.0 + K * EngagementModel.DEFAULT_MEAN) / 32, within(1e-9));
    Posterior post = model.posterior("new-post", ContentKind.POST, List.of("salon"), MATURE_COFFEE);
    assertThat(post.basis()).isEqualTo(Basis.DEFAULT);
  }

  @Test
  void posterior_draws_averageToItsMean() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(7);
    for (Posterior p : List.of(new Posterior(0.1, 1.9, 0, Basis.DEFAULT), new Posterior(12, 28, 38, Basis.SEGMENT))) {
      double sum = 0;
      int n = 40_000;
      for (int i = 0; i < n; i++) {
        double x = p.sample(random);
        assertThat(x).isBetween(0.0, 1.0);
        sum += x;
      }
      assertThat(sum / n).isCloseTo(p.mean(), within(0.01));
    }
  }

  private static double variance(Posterior p) {
    double a = p.alpha();
    double b = p.beta();
    return a * b / ((a + b) * (a + b) * (a + b + 1));
  }
}

package community.recommender.engine.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Stage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThompsonSamplingTest {
  private static final Segment MATURE_COFFEE = new Segment(Stage.MATURE, "coffee");
  private static final Instant NOW = Instant.parse("2026-06-03T06:00:00Z");
  private static final LearningPolicy ON = LearningPolicy.DEFAULT.withMode(LearningMode.ON);

  private static ThompsonSampling.Contender contender(String id, ContentKind kind, int score) {
    Need need = Need.of(kind).urgency(score);
    return new ThompsonSampling.Contender(new Candidate(ContentItem.builder(id, kind, id).build(), need, 1.0), score);
  }

  private static Observation seen(String id, ContentKind kind, long posts, double rewardSum) {
    return new Observation(id, kind, List.of(), MATURE_COFFEE, new Evidence(posts, rewardSum));
  }

  private static final EngagementModel PROVEN = EngagementModel.of(List.of(
      seen("good-post", ContentKind.POST, 40, 16.0),
      seen("dull-post", ContentKind.POST, 40, 2.0),
      seen("good-offer", ContentKind.OFFER, 40, 16.0),
      seen("dull-offer", ContentKind.OFFER, 40, 2.0)));

  @Test
  void draws_areReproducibleFromTheDecisionSeed_whateverTheOrderOfCandidates() {
    ThompsonSampling sampling = new ThompsonSampling(ON);
    long seed = ThompsonSampling.seedOf("g-1", NOW, 3);
    List<ThompsonSampling.Contender> forward = List.of(contender("good-post", ContentKind.POST, 70),
        contender("dull-post", ContentKind.POST, 70), contender("new-post", ContentKind.POST, 70));
    List<ThompsonSampling.Contender> backward = new ArrayList<>(forward);
    java.util.Collections.reverse(backward);
    List<Draw> first = sampling.rank(forward, MATURE_COFFEE, PROVEN, seed);
    assertThat(sampling.rank(forward, MATURE_COFFEE, PROVEN, seed)).isEqualTo(first);
    assertThat(sampling.rank(backward, MATURE_COFFEE, PROVEN, seed)).isEqualTo(first);
    assertThat(ThompsonSampling.seedOf("g-1", NOW, 3)).isEqualTo(seed);
    assertThat(ThompsonSampling.seedOf("g-2", NOW, 3)).isNotEqualTo(seed);
    assertThat(ThompsonSampling.seedOf("g-1", NOW.plusSeconds(1), 3)).isNotEqualTo(seed);
    assertThat(sampling.rank(forward, MATURE_COFFEE, PROVEN, seed + 1).stream().map(Draw::value).toList())
        .isNotEqualTo(first.stream().map(Draw::value).toList());
  }

  @Test
  void bonus_staysWithinZeroAndTheMaximum_andTheBestDrawGetsItAll() {
    ThompsonSampling sampling = new ThompsonSampling(ON);
    for (long seed = 0; seed < 500; seed++) {
      List<Draw> draws = sampling.rank(List.of(contender("good-post", ContentKind.POST, 70),
          contender("dull-post", ContentKind.POST, 70), contender("new-post", ContentKind.POST, 70)),
          MATURE_COFFEE, PROVEN, seed);
      assertThat(draws).allSatisfy(d -> assertThat(d.bonus()).isBetween(0, 20));
      Draw topDraw = draws.stream().max(java.util.Comparator.comparingDouble(Draw::value)).orElseThrow();
      assertThat(topDraw.bonus()).isEqualTo(20);
    }
  }

  @Test
  void provenItem_winsClearlyMoreOften_thanADullOneOfTheSameKind() {
    ThompsonSampling sampling = new ThompsonSampling(ON);
    int goodWins = 0;
    for (long seed = 0; seed < 1000; seed++) {
      List<Draw> draws = sampling.rank(List.of(contender("dull-post", ContentKind.POST, 70),
          contender("good-post", ContentKind.POST, 70)), MATURE_COFFEE, PROVEN, seed);
      if (draws.get(0).contentId().equals("good-post")) {
        goodWins++;
      }
    }
    assertThat(goodWins).isGreaterThan(950);
  }

  @Test
  void unprovenCandidates_getTheSameBonus_whenNotDrawnFor() {
    LearningPolicy neverTry = new LearningPolicy(LearningMode.ON, 20, 20, 0.0, 0.1);
    List<Draw> draws = new ThompsonSampling(neverTry).rank(List.of(contender("b", ContentKind.POST, 70),
        contender("a", ContentKind.POST, 70)), MATURE_COFFEE, EngagementModel.EMPTY, 42);
    assertThat(draws).extracting(Draw::bonus).containsExactly(20, 20);
    assertThat(draws).extracting(Draw::contentId).containsExactly("a", "b");
  }

  @Test
  void maturityRamp_triesANewItemInItsShareOfDecisions_andAMatureOneInAll() {
    LearningPolicy policy = LearningPolicy.DEFAULT;
    assertThat(policy.explorationShare(0)).isCloseTo(0.2, within(1e-12));
    assertThat(policy.explorationShare(10)).isCloseTo(0.6, within(1e-12));
    assertThat(policy.explorationShare(20)).isEqualTo(1.0);
    assertThat(policy.explorationShare(500)).isEqualTo(1.0);

    ThompsonSampling sampling = new ThompsonSampling(ON);
    int newTried = 0;
    int matureTried = 0;
    int n = 4000;
    for (long seed = 0; seed < n; seed++) {
      List<Draw> draws = sampling.rank(List.of(contender("new-post", ContentKind.POST, 70),
          contender("good-post", ContentKind.POST, 70)), MATURE_COFFEE, PROVEN, seed);
      for (Draw d : draws) {
        if (d.contentId().equals("new-post") && d.explored()) {
          newTried++;
        }
        if (d.contentId().equals("good-post") && d.explored()) {
          matureTried++;
        }
      }
    }
    assertThat(newTried / (double) n).isCloseTo(0.2, within(0.03));
    assertThat(matureTried).isEqualTo(n);
  }

  @Test
  void offerExploration_staysAtItsCap_evenForMatureOffers() {
    ThompsonSampling sampling = new ThompsonSampling(ON);
    int exploringDecisions = 0;
    int exploringWins = 0;
    int n = 4000;
    for (int i = 0; i < n; i++) {
      long seed = ThompsonSampling.seedOf("g-" + i, NOW, 1);
      List<Draw> draws = sampling.rank(List.of(contender("good-offer", ContentKind.OFFER, 70),
          contender("dull-offer", ContentKind.OFFER, 70), contender("new-offer", ContentKind.OFFER, 70)),
          MATURE_COFFEE, PROVEN, seed);
      for (Draw d : draws) {
        if (!d.explored()) {
          assertThat(d.value()).isEqualTo(d.posterior().mean());
        }
      }
      if (draws.stream().anyMatch(Draw::explored)) {
        exploringDecisions++;
      }
      if (draws.get(0).explored()) {
        exploringWins++;
      }
    }
    // one coin per decision at 10%: 400 of 4,000 groups' decisions expected, with a standard deviation of 19
    assertThat(exploringDecisions / (double) n).isCloseTo(0.1, within(0.015));
    assertThat(exploringWins).isLessThanOrEqualTo(exploringDecisions);
  }

  @Test
  void otherKinds_exploreWhateverTheOfferCoin() {
    ThompsonSampling sampling = new ThompsonSampling(ON);
    for (long seed = 0; seed < 200; seed++) {
      List<Draw> draws = sampling.rank(List.of(contender("good-post", ContentKind.POST, 70)), MATURE_COFFEE, PROVEN,
          seed);
      assertThat(draws.get(0).explored()).isTrue();
    }
  }
}

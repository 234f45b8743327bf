package community.recommender.engine.playbook;

import static community.recommender.engine.playbook.Fixtures.activity;
import static community.recommender.engine.playbook.Fixtures.group;
import static community.recommender.engine.playbook.Fixtures.post;
import static community.recommender.engine.playbook.Fixtures.posted;
import static community.recommender.engine.playbook.Fixtures.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code rules/candidates-variety.drl}. */
class CandidatesVarietyRulesTest {
  private static final ContentItem ICEBREAKER = post("icebreaker", "icebreaker").build();
  private static final ContentItem TOPIC = post("topic", "topic").build();
  private static final ContentItem CHECK_IN = activity("check-in", "check-in").build();
  private static final Group QUIET = group("quiet").interests("car").messages(15).build();

  @Test
  @RuleUnderTest("Never repeat content the group got recently")
  void recentContent_isNeverRepeated() {
    Decision repeated = Playbook.decide(QUIET, List.of(ICEBREAKER, TOPIC), posted("icebreaker", ContentKind.POST, 10));
    Decision longAgo = Playbook.decide(QUIET, List.of(ICEBREAKER, TOPIC), posted("icebreaker", ContentKind.POST, 40));
    Decision neverSeen = Playbook.decide(QUIET, List.of(ICEBREAKER, TOPIC), skipped("icebreaker", ContentKind.POST, 3));

    assertThat(Playbook.vetoesOf(repeated, "icebreaker")).containsExactly("Never repeat content the group got recently");
    assertThat(repeated.winner()).contains(TOPIC);
    assertThat(longAgo.winner()).contains(ICEBREAKER);
    assertThat(neverSeen.winner()).contains(ICEBREAKER);
  }

  @Test
  @RuleUnderTest("Avoid the same kind three times in a row")
  void sameKindThreeTimesInARow_isAvoided() {
    Decision afterTwoPosts = Playbook.decide(QUIET, List.of(ICEBREAKER, CHECK_IN),
        posted("a", ContentKind.POST, 2), posted("b", ContentKind.POST, 1));
    Decision afterMixed = Playbook.decide(QUIET, List.of(ICEBREAKER, CHECK_IN),
        posted("a", ContentKind.ACTIVITY, 2), posted("b", ContentKind.POST, 1));

    Decision onlyPostsLeft = Playbook.decide(QUIET, List.of(ICEBREAKER),
        posted("a", ContentKind.POST, 2), posted("b", ContentKind.POST, 1));

    assertThat(Playbook.vetoesOf(afterTwoPosts, "icebreaker")).containsExactly("Avoid the same kind three times in a row");
    assertThat(afterTwoPosts.winner()).contains(CHECK_IN);
    assertThat(afterMixed.winner()).contains(ICEBREAKER);
    assertThat(onlyPostsLeft.winner()).as("a soft veto gives way rather than stall").contains(ICEBREAKER);
    assertThat(Playbook.reasonRules(onlyPostsLeft)).contains(DecisionPipeline.RELAXED_VARIETY);
  }
}

package community.recommender.engine.playbook;

import static community.recommender.engine.playbook.Fixtures.group;
import static community.recommender.engine.playbook.Fixtures.offer;
import static community.recommender.engine.playbook.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.learning.Basis;
import community.recommender.engine.learning.EngagementModel;
import community.recommender.engine.learning.Evidence;
import community.recommender.engine.learning.LearningMode;
import community.recommender.engine.learning.Observation;
import community.recommender.engine.learning.Segment;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Reason;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleSource;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Learning inside the playbook's guardrails: it picks the item, the rules pick what is allowed. */
class LearningArbitrationTest {
  private static final Group COFFEE_CLUB = group("coffee-club").interests("coffee").build();
  private static final Segment SEGMENT = Segment.of(COFFEE_CLUB);
  /** Two reading posts that the rules score alike; the rules alone take the smaller id. */
  private static final ContentItem DULL_READ = post("a-dull-read", "knowledge").build();
  private static final ContentItem LOVED_READ = post("b-loved-read", "knowledge").build();
  private static final List<ContentItem> LIBRARY = List.of(DULL_READ, LOVED_READ);
  /** In this segment, members reacted to the loved read eight times as much. */
  private static final EngagementModel ENGAGEMENT = EngagementModel.of(List.of(
      new Observation("a-dull-read", ContentKind.POST, List.of("knowledge"), SEGMENT, new Evidence(30, 1.5)),
      new Observation("b-loved-read", ContentKind.POST, List.of("knowledge"), SEGMENT, new Evidence(30, 12.0))));

  @Test
  void learningOn_choosesTheItemMembersEngagedWith_andSaysWhy() {
    Decision rulesAlone = Playbook.decideLearning("off", ENGAGEMENT, COFFEE_CLUB, LIBRARY);
    Decision learned = Playbook.decideLearning("on", ENGAGEMENT, COFFEE_CLUB, LIBRARY);

    assertThat(rulesAlone.winner()).contains(DULL_READ);
    assertThat(rulesAlone.learning()).isEmpty();
    assertThat(learned.winner()).contains(LOVED_READ);
    assertThat(learned.score()).isEqualTo(rulesAlone.score() + learned.learning().orElseThrow().best().bonus());
    assertThat(learned.reasons()).map(Reason::rule).contains(DecisionPipeline.LEARNING);
    assertThat(learned.reasons()).filteredOn(r -> r.rule().equals(DecisionPipeline.LEARNING))
        .singleElement().satisfies(r -> assertThat(r.message()).contains("30 posts in MATURE/coffee")
            .contains("the rules alone would have chosen a-dull-read"));
    var choice = learned.learning().orElseThrow();
    assertThat(choice.mode()).isEqualTo(LearningMode.ON);
    assertThat(choice.draws()).extracting(d -> d.contentId()).containsExactly("b-loved-read", "a-dull-read");
    assertThat(choice.draws()).allSatisfy(d -> {
      assertThat(d.posterior().basis()).isEqualTo(Basis.SEGMENT);
      assertThat(d.explored()).isTrue();
    });
    assertThat(choice.agreed()).isFalse();
  }

  @Test
  void sameDecision_drawsTheSame() {
    Decision first = Playbook.decideLearning("on", ENGAGEMENT, COFFEE_CLUB, LIBRARY);
    Decision again = Playbook.decideLearning("on", ENGAGEMENT, COFFEE_CLUB, LIBRARY);
    assertThat(again.learning()).isEqualTo(first.learning());
    assertThat(again.winner()).isEqualTo(first.winner());
  }

  @Test
  void shadowMode_changesNothing_andRecordsWhatLearningWouldChoose() {
    Decision off = Playbook.decideLearning("off", ENGAGEMENT, COFFEE_CLUB, LIBRARY);
    Decision shadow = Playbook.decideLearning("shadow", ENGAGEMENT, COFFEE_CLUB, LIBRARY);

    assertThat(shadow.winner()).isEqualTo(off.winner());
    assertThat(shadow.score()).isEqualTo(off.score());
    assertThat(shadow.reasons()).isEqualTo(off.reasons());
    var choice = shadow.learning().orElseThrow();
    assertThat(choice.mode()).isEqualTo(LearningMode.SHADOW);
    assertThat(choice.rulesChoice()).isEqualTo("a-dull-read");
    assertThat(choice.learningChoice()).isEqualTo("b-loved-read");
  }

  @Test
  void learning_neverAnswersAnotherNeed_thanTheRulesDo() {
    // A lively coffee club wants an offer and a scene post; the care-free cycle puts the scene first.
    ContentItem scene = post("scene-autumn", "scene").build();
    ContentItem coupon = offer("coupon", "coupon").build();
    EngagementModel offersLoved = EngagementModel.of(List.of(
        new Observation("coupon", ContentKind.OFFER, List.of("coupon"), SEGMENT, new Evidence(40, 30.0)),
        new Observation("scene-autumn", ContentKind.POST, List.of("scene"), SEGMENT, new Evidence(40, 0.0))));
    Decision off = Playbook.decideLearning("off", offersLoved, COFFEE_CLUB, List.of(scene, coupon));
    Decision on = Playbook.decideLearning("on", offersLoved, COFFEE_CLUB, List.of(scene, coupon));
    assertThat(on.winner()).isEqualTo(off.winner());
    assertThat(on.learning().orElseThrow().draws()).hasSize(1);
  }

  @Test
  void rules_seeEngagement_andMayVetoAnItemProvenPoor() {
    var book = Playbook.withRules(new RuleSource("proven-poor.drl", """
        package playbook.operator
        import community.recommender.engine.model.*
        ruleflow-group "candidates"
        rule "Never suggest an item whose engagement is proven poor"
        when
            $c : Candidate( engagement.evidence >= 20, engagement.mean < 0.1 )
        then
            insert( new Veto($c, "Members of this segment ignored it over " + $c.getEngagement().getEvidence() + " posts") );
        end
        """));
    Decision decision = new DecisionPipeline(book, new InMemoryCatalog(LIBRARY), RuleLimits.DEFAULT, () -> ENGAGEMENT)
        .decide(COFFEE_CLUB, List.of(), Fixtures.NOW);
    assertThat(Playbook.vetoesOf(decision, "a-dull-read")).containsExactly("Never suggest an item whose engagement is proven poor");
    assertThat(decision.winner()).contains(LOVED_READ);
  }
}

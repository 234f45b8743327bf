package community.recommender.engine.decision;

import static community.recommender.engine.decision.Fixtures.ActivityCountsFor.messages;
import static community.recommender.engine.decision.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Reason;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The default playbook in {@code rules/}, run through the pipeline over a small library. */
class DecisionPipelineTest {
  private static final RuleBook RULE_BOOK = new RuleBook();
  private static DecisionPipeline pipeline;

  @BeforeAll
  static void loadPlaybook() throws Exception {
    RULE_BOOK.activate(RULE_BOOK.compile(new RuleFolder(Path.of("..", "rules")).read()), 1);
    pipeline = new DecisionPipeline(RULE_BOOK, new InMemoryCatalog(Fixtures.LIBRARY));
  }

  @Test
  void quietGroup_getsInteractionAndNeverAnOffer() {
    Group quiet = Fixtures.coffeeGroup(messages(20, 0, 0));

    Decision decision = pipeline.decide(quiet, NOW);

    assertThat(decision.winner()).map(ContentItem::getKind).contains(ContentKind.POST);
    assertThat(decision.winner()).map(ContentItem::getId).contains("icebreaker-weekend");
    assertThat(decision.reasons()).extracting(Reason::rule)
        .contains("Wake a quiet group with interaction before any offer");
    assertThat(decision.dropped()).singleElement().satisfies(dropped -> {
      assertThat(dropped.content()).isSameAs(Fixtures.KNOWLEDGE_CAR);
      assertThat(dropped.vetoes()).extracting(Reason::rule).containsExactly("Leave out content made for other interests");
    });
  }

  @Test
  void activeGroup_inGoodMood_getsItsRegionalOffer() {
    Group lively = Fixtures.coffeeGroup(messages(150, 0, 0));

    Decision decision = pipeline.decide(lively, NOW);

    assertThat(decision.winner()).map(ContentItem::getId).contains("flowers-shanghai");
    assertThat(decision.reasons()).extracting(Reason::rule).containsExactly(
        "Offer something to a lively group that is in a good mood",
        "Prefer offers made for the group's own region");
    assertThat(decision.score()).isEqualTo(65);
  }

  @Test
  void complainingGroup_isOfferedNothingToBuy() {
    Group unhappy = Fixtures.coffeeGroup(messages(150, 0, 20));

    Decision decision = pipeline.decide(unhappy, NOW);

    assertThat(decision.winner()).map(ContentItem::getKind).contains(ContentKind.POST);
    assertThat(decision.dropped()).extracting(d -> d.content().getKind()).doesNotContain(ContentKind.OFFER);
    assertThat(decision.reasons()).extracting(Reason::rule)
        .doesNotContain("Offer something to a lively group that is in a good mood");
  }

  @Test
  void newGroup_isInvitedToShareItsStories() {
    Group fresh = Fixtures.group("fresh", messages(60, 1, 0), messages(60, 1, 0), Duration.ofDays(5));

    Decision decision = pipeline.decide(fresh, NOW);

    assertThat(decision.winner()).map(ContentItem::getId).contains("share-your-story");
  }

  @Test
  void groupWithNewcomers_andInterestMatch_isWelcomed() {
    Group growing = Fixtures.coffeeGroup(messages(60, 5, 0));

    Decision decision = pipeline.decide(growing, NOW);

    assertThat(decision.winner()).map(ContentItem::getId).contains("welcome-coffee");
    assertThat(decision.reasons()).extracting(Reason::message)
        .contains("5 members joined this week: welcome them", "It serves the group's interests (+15)");
  }
}

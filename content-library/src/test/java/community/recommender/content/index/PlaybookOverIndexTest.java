package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.format.SampleLibrary;
import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Reason;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real playbook from {@code rules/} deciding over the sample library in a Lucene index on disk. */
class PlaybookOverIndexTest {
  private static final Instant NOW = Instant.parse("2026-11-22T09:00:00Z");

  @TempDir static Path indexDir;
  private static ContentIndex index;
  private static DecisionPipeline pipeline;

  @BeforeAll
  static void indexSamplesAndLoadRules() throws Exception {
    index = ContentIndex.open(indexDir);
    List<ContentItem> samples = SampleLibrary.read(Path.of("samples"));
    index.apply(samples, samples.size());
    RuleBook rules = new RuleBook();
    rules.activate(rules.compile(new RuleFolder(Path.of("..", "rules")).read()), 7);
    pipeline = new DecisionPipeline(rules, new LuceneContentCatalog(index));
  }

  @AfterAll
  static void closeIndex() {
    index.close();
  }

  @Test
  void quietShanghaiCoffeeGroup_getsChineseInteractionRatherThanAnOffer() {
    Group quiet = shanghaiCoffeeGroup(new ActivityCounts(10, 4, 0, 0, 2, 0, 0, 0));

    Decision decision = pipeline.decide(quiet, NOW);

    ContentItem winner = decision.winner().orElseThrow();
    assertThat(winner.getKind()).isNotEqualTo(ContentKind.OFFER);
    assertThat(winner.getLanguage()).isEqualTo("zh");
    assertThat(winner.getTags()).containsAnyOf("icebreaker", "topic", "check-in", "game");
    assertThat(decision.reasons()).extracting(Reason::rule)
        .contains("Wake a quiet group with interaction before any offer");
    assertThat(decision.ruleSetVersion()).isEqualTo(7);
  }

  @Test
  void livelyShanghaiCoffeeGroup_getsAChineseScenePostBeforeAnyOffer() {
    Group lively = shanghaiCoffeeGroup(new ActivityCounts(300, 90, 0, 0, 100, 20, 0, 1));

    Decision decision = pipeline.decide(lively, List.of(posted("last-salon", ContentKind.ACTIVITY, 3)), NOW);

    ContentItem winner = decision.winner().orElseThrow();
    assertThat(winner.getTags()).as(explain(decision)).contains("scene");
    assertThat(winner.getLanguage()).isEqualTo("zh");
    assertThat(decision.dropped()).filteredOn(d -> d.content().getKind() == ContentKind.OFFER).isNotEmpty()
        .allSatisfy(d -> assertThat(d.vetoes()).extracting(Reason::rule)
            .contains("Set the scene before selling in an emotional category"));
  }

  @Test
  void livelyShanghaiCoffeeGroup_afterASceneGetsAnOfferForShanghaiOrAnywhere() {
    Group lively = shanghaiCoffeeGroup(new ActivityCounts(300, 90, 0, 0, 100, 20, 0, 1));
    List<PastSuggestion> history = List.of(posted("last-salon", ContentKind.ACTIVITY, 3),
        posted("scene-rainy-afternoon-coffee-zh", ContentKind.POST, 2, "scene"));

    Decision decision = pipeline.decide(lively, history, NOW);

    ContentItem winner = decision.winner().orElseThrow();
    assertThat(winner.getKind()).as(explain(decision)).isEqualTo(ContentKind.OFFER);
    assertThat(winner.getRegions()).isSubsetOf("CN-SH-Shanghai");
    assertThat(winner.getLanguage()).isEqualTo("zh");
  }

  private static PastSuggestion posted(String contentId, ContentKind kind, int daysAgo, String... tags) {
    Instant at = NOW.minus(Duration.ofDays(daysAgo));
    return new PastSuggestion(contentId, kind, List.of(tags), at, true, Outcome.POSTED, at, NOW);
  }

  private static String explain(Decision decision) {
    return decision.winner().map(ContentItem::getId).orElse("nothing") + " scored " + decision.score() + " for "
        + decision.reasons() + "; dropped " + decision.dropped().stream()
            .map(d -> d.content().getId() + " " + d.vetoes()).toList();
  }

  private static Group shanghaiCoffeeGroup(ActivityCounts week) {
    Portrait portrait = Portrait.named("上海咖啡研习社").interests(List.of("coffee", "baking"))
        .region("CN-SH-Shanghai").language("zh").memberCount(200).kocCount(8).build();
    Instant created = NOW.minus(Duration.ofDays(300));
    return Group.assess("sh-coffee", portrait, week, new ActivityCounts(week.getMessages() * 4, week.getActiveMembers() * 4,
        0, 0, week.getReactions() * 4, week.getClicks() * 4, 0, week.getComplaints() * 4), created, created, NOW);
  }
}

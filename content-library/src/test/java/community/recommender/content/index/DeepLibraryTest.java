package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real playbook over a Lucene index that holds more equally ranked items than one page of
 * candidates: what the group got recently must not hide what it may still receive.
 */
class DeepLibraryTest {
  private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");
  private static final int SENT_RECENTLY = 70;

  @TempDir Path indexDir;

  @Test
  void groupThatGotMoreThanAPageOfEqualItemsRecently_stillGetsTheOneItLeft() throws Exception {
    List<ContentItem> library = new ArrayList<>();
    IntStream.range(0, SENT_RECENTLY).forEach(i -> library.add(post(String.format("sent-%02d", i))));
    library.add(post("still-unsent"));
    List<PastSuggestion> history = new ArrayList<>();
    // More than the first page of a need (20) and of a fallback (60) were sent: only reading further finds the last.
    // Every item but the last was posted in the last 30 days, three a day; an activity came last, so no kind runs.
    for (int i = 0; i < SENT_RECENTLY; i++) {
      history.add(posted(library.get(i).getId(), ContentKind.POST, Duration.ofHours(8L * (i + 1) + 6)));
    }
    history.add(posted("last-meetup", ContentKind.ACTIVITY, Duration.ofHours(6)));

    try (ContentIndex index = ContentIndex.open(indexDir)) {
      index.apply(library, library.size());
      Decision decision = pipeline(index).decide(busyGroup(), history, NOW);

      assertThat(decision.winner()).as("%s", decision.reasons()).map(ContentItem::getId).contains("still-unsent");
      assertThat(decision.dropped()).hasSize(SENT_RECENTLY)
          .allSatisfy(d -> assertThat(d.vetoes()).extracting(Reason::rule)
              .contains("Never repeat content the group got recently"));
    }
  }

  @Test
  void groupThatGotEverything_isToldWhenToAskAgainAndEveryItemsRule() throws Exception {
    List<ContentItem> library = IntStream.range(0, SENT_RECENTLY).mapToObj(i -> post(String.format("sent-%02d", i)))
        .toList();
    List<PastSuggestion> history = new ArrayList<>();
    for (int i = 0; i < SENT_RECENTLY; i++) {
      history.add(posted(library.get(i).getId(), ContentKind.POST, Duration.ofHours(8L * (i + 1) + 6)));
    }
    history.add(posted("last-meetup", ContentKind.ACTIVITY, Duration.ofHours(6)));

    try (ContentIndex index = ContentIndex.open(indexDir)) {
      index.apply(library, library.size());
      Decision decision = pipeline(index).decide(busyGroup(), history, NOW);

      assertThat(decision.winner()).isEmpty();
      assertThat(decision.retryAt()).isPresent();
      assertThat(decision.dropped()).extracting(d -> d.content().getId())
          .containsExactlyInAnyOrderElementsOf(library.stream().map(ContentItem::getId).toList());
    }
  }

  private static DecisionPipeline pipeline(ContentIndex index) throws Exception {
    RuleBook rules = new RuleBook();
    rules.activate(rules.compile(new RuleFolder(Path.of("..", "rules")).read()), 1);
    return new DecisionPipeline(rules, new LuceneContentCatalog(index));
  }

  /** A mature, lively English group whose operator allows four sends a day. */
  private static Group busyGroup() {
    Portrait portrait = Portrait.named("Night owls").language("en").memberCount(300).kocCount(6)
        .attributes(java.util.Map.of("maxSendsPerDay", "4", "monthlySendQuota", "120")).build();
    Instant created = NOW.minus(Duration.ofDays(400));
    ActivityCounts week = new ActivityCounts(400, 120, 0, 0, 150, 30, 0, 0);
    ActivityCounts month = new ActivityCounts(1600, 300, 0, 0, 600, 120, 0, 0);
    return Group.assess("night-owls", portrait, week, month, created, created, NOW);
  }

  private static ContentItem post(String id) {
    return ContentItem.builder(id, ContentKind.POST, "A thought for the evening").body("Same words, same rank.")
        .language("en").tags(List.of("knowledge")).build();
  }

  private static PastSuggestion posted(String contentId, ContentKind kind, Duration ago) {
    Instant at = NOW.minus(ago);
    return new PastSuggestion(contentId, kind, List.of(), at, true, Outcome.POSTED, at, NOW);
  }
}

package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.OfferDetails;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several needs' pages asked together: one search for all kinds, each page as a search of its own would give it. */
class SharedSearchTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final List<String> TAGS = List.of("icebreaker", "topic", "welcome", "check-in", "game", "coupon");
  private static final List<String> INTERESTS = List.of("coffee", "tea", "flowers");
  private static final List<String> GROUP_INTERESTS = List.of("coffee", "tea");

  @TempDir Path dir;

  @Test
  void needsOfEveryKind_shareOneSearch_andEachGetsThePageItsOwnSearchGives() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      List<ContentItem> library = library(new Random(11));
      // Three commits make three segments, so hits come from several leaves.
      index.apply(library.subList(0, 200), 1);
      index.apply(library.subList(200, 400), 2);
      index.apply(library.subList(400, library.size()), 3);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);
      List<CandidateQuery> queries = List.of(
          query(ContentKind.POST, List.of("icebreaker", "topic"), 0, 20),
          query(ContentKind.ACTIVITY, List.of("check-in", "game"), 0, 20),
          query(ContentKind.POST, List.of("welcome"), 0, 20),
          query(ContentKind.POST, List.of(), 0, 20),
          query(ContentKind.ACTIVITY, List.of(), 20, 40),
          query(ContentKind.POST, List.of("topic"), 20, 40),
          query(ContentKind.POST, List.of("no-such-tag"), 0, 20));

      long before = catalog.searches();
      List<List<ContentMatch>> together = catalog.findEach(queries);
      long searchesTogether = catalog.searches() - before;

      // One search, and one more for the pages the items serving the group's interests left short (no-such-tag).
      assertThat(searchesTogether).isEqualTo(2);
      assertThat(together).hasSize(queries.size());
      for (int i = 0; i < queries.size(); i++) {
        List<ContentMatch> alone = catalog.find(queries.get(i));
        assertThat(ids(together.get(i))).as("query %d", i).containsExactlyElementsOf(ids(alone));
        assertThat(together.get(i)).extracting(ContentMatch::relevance).as("query %d", i)
            .containsExactlyElementsOf(alone.stream().map(ContentMatch::relevance).toList());
      }
      assertThat(together.get(0)).hasSize(20);
      assertThat(together.get(5)).isNotEmpty();
      assertThat(together.get(6)).isEmpty();
    }
  }

  @Test
  void pagesOfEveryKind_holdOnlyTheirKind_andTheSharedSearchStopsOnceEachIsSettled() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      Random random = new Random(17);
      List<ContentItem> library = new ArrayList<>();
      for (int copy = 0; copy < 5; copy++) {
        // Every item serves at most one interest, so a page full of items for one of the group's is settled.
        int suffix = copy;
        library(random).forEach(item -> library.add(ContentItem.builder(item.getId() + "-" + suffix, item.getKind(),
            item.getTitle()).tags(item.getTags()).regions(item.getRegions()).activity(item.getActivity())
            .offer(item.getOffer()).interests(item.getInterests().stream().limit(1).toList()).build()));
      }
      index.apply(library, 1);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);
      List<CandidateQuery> queries = List.of(query(ContentKind.POST, List.of(), 0, 5),
          query(ContentKind.ACTIVITY, List.of(), 0, 5), query(ContentKind.OFFER, List.of(), 0, 5));

      List<List<ContentMatch>> together = catalog.findEach(queries);

      assertThat(catalog.searches()).isEqualTo(1);
      assertThat(catalog.hitsRead()).isPositive().isLessThan(library.size() / 4);
      for (int i = 0; i < queries.size(); i++) {
        ContentKind kind = queries.get(i).kind();
        assertThat(together.get(i)).hasSize(5).allSatisfy(match -> assertThat(match.item().getKind()).isEqualTo(kind));
        assertThat(ids(together.get(i))).containsExactlyElementsOf(ids(catalog.find(queries.get(i))));
      }
    }
  }

  @Test
  void oneNeedOfAKind_isAnsweredByItsOwnSearch() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(library(new Random(3)), 1);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);
      // A page the items serving the group's interests fill: a page they left short would read on in a second search.
      CandidateQuery offers = query(ContentKind.OFFER, List.of("coupon"), 0, 5);

      List<List<ContentMatch>> together = catalog.findEach(List.of(offers));

      assertThat(catalog.searches()).isEqualTo(1);
      assertThat(ids(together.get(0))).isNotEmpty().containsExactlyElementsOf(ids(catalog.find(offers)));
    }
  }

  private static CandidateQuery query(ContentKind kind, List<String> tags, int offset, int limit) {
    return new CandidateQuery(kind, tags, GROUP_INTERESTS, "CN-SH-Shanghai", "zh", NOW, offset, limit);
  }

  /** Posts, activities and offers with one or two tags and up to two interests, some for other regions. */
  private static List<ContentItem> library(Random random) {
    List<ContentItem> items = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      ContentKind kind = i % 5 < 3 ? ContentKind.POST : i % 5 == 3 ? ContentKind.ACTIVITY : ContentKind.OFFER;
      List<String> tags = random.nextBoolean() ? List.of(pick(TAGS, random))
          : List.of(TAGS.get(i % TAGS.size()), TAGS.get((i + 1 + random.nextInt(3)) % TAGS.size()));
      List<String> interests = switch (random.nextInt(4)) {
        case 0 -> List.of();
        case 1 -> List.of(pick(INTERESTS, random));
        default -> List.of("coffee", pick(List.of("tea", "flowers"), random));
      };
      List<String> regions = random.nextInt(5) == 0 ? List.of("CN-BJ-Beijing") : List.of();
      ContentItem.Builder item = ContentItem.builder(String.format("item-%03d", i), kind, "item " + i).tags(tags)
          .interests(interests).regions(regions);
      if (kind == ContentKind.ACTIVITY) {
        item.activity(new ActivityDetails(tags.get(0), null, null, null));
      } else if (kind == ContentKind.OFFER) {
        item.offer(new OfferDetails(BigDecimal.TEN, null, "CNY", null, null, null));
      }
      items.add(item.build());
    }
    return items;
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static List<String> ids(List<ContentMatch> matches) {
    return matches.stream().map(m -> m.item().getId()).toList();
  }
}

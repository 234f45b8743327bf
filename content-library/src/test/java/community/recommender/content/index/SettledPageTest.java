package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.FilterCollector;
import org.apache.lucene.search.FilterLeafCollector;
import org.apache.lucene.search.LeafCollector;
import org.apache.lucene.search.ScoreDoc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page stops reading the index once no later item can enter it: every page still holds what
 * Lucene's own top-hits search over the whole index gives, best first, ties by document order.
 */
class SettledPageTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final List<String> INTERESTS = List.of("coffee", "tea", "flowers", "pets");
  private static final List<String> TAGS = List.of("icebreaker", "topic", "welcome");

  @TempDir Path dir;

  @Test
  void pageOfALibraryServingOneInterestPerItem_isLucenesOwnTopHits() {
    assertEveryPageIsLucenesOwn(random -> random.nextInt(3) == 0 ? List.of() : List.of(pick(INTERESTS, random)));
  }

  @Test
  void pageOfALibraryServingSeveralInterestsPerItem_isLucenesOwnTopHits() {
    assertEveryPageIsLucenesOwn(random -> switch (random.nextInt(3)) {
      case 0 -> List.of();
      case 1 -> List.of(pick(INTERESTS, random));
      default -> List.of("coffee", pick(List.of("tea", "flowers", "pets"), random));
    });
  }

  @Test
  void searchForAFullPage_stopsBeforeTheEndOfTheIndex() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(library(new Random(5), random -> List.of(pick(INTERESTS, random))), 1);
      CandidateQuery query = query(List.of(), List.of("coffee"), 0, 5);
      TaggedPages page = new TaggedPages(List.of(List.of()), new int[] {5}, query.interests());
      TaggedPages.PageCollector collector = page.newCollector();
      int[] read = {0};

      index.withSearcher(searcher -> {
        searcher.search(LuceneContentCatalog.toLucene(query), new FilterCollector(collector) {
          @Override
          public LeafCollector getLeafCollector(LeafReaderContext context) throws IOException {
            return new FilterLeafCollector(super.getLeafCollector(context)) {
              @Override
              public void collect(int doc) throws IOException {
                read[0]++;
                super.collect(doc);
              }
            };
          }
        });
        return null;
      });
      ScoreDoc[] hits = page.reduce(List.of(collector)).get(0);

      assertThat(hits).hasSize(5).allSatisfy(hit -> assertThat(hit.score).isEqualTo(1f));
      // About a quarter of the 400 posts serve coffee: five of them are found long before the last post.
      assertThat(read[0]).isBetween(5, 200);
    }
  }

  @Test
  void pageFullOfItemsForTheGroupsInterests_readsNoOtherItem() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(library(new Random(5), random -> List.of(pick(INTERESTS, random))), 1);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);

      List<ContentMatch> page = catalog.find(query(List.of(), List.of("coffee"), 0, 5));

      assertThat(page).hasSize(5).allSatisfy(match -> assertThat(match.item().getInterests()).containsExactly("coffee"));
      assertThat(catalog.searches()).isEqualTo(1);
      // Each item serves one interest: the first five for coffee settle the page, and nothing else is read.
      assertThat(catalog.hitsRead()).isEqualTo(5);
    }
  }

  @Test
  void itemReadAgain_comesFromTheItemCache_notDecodedTwice() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(library(new Random(5), random -> List.of(pick(INTERESTS, random))), 1);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);

      List<ContentMatch> first = catalog.find(query(List.of(), List.of("coffee"), 0, 5));
      long decodedFirst = catalog.itemsDecoded();
      List<ContentMatch> again = catalog.find(query(List.of(), List.of("coffee"), 0, 5));

      assertThat(decodedFirst).isEqualTo(5);
      assertThat(catalog.itemsDecoded()).isEqualTo(5);
      assertThat(again).extracting(ContentMatch::item).containsExactlyElementsOf(first.stream().map(ContentMatch::item).toList());
    }
  }

  @Test
  void pageTheGroupsInterestsLeaveShort_readsOnAmongTheOtherItemsInASecondSearch() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      List<ContentItem> library = library(new Random(5), random -> List.of(pick(INTERESTS, random)));
      index.apply(library, 1);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);
      long welcome = library.stream().filter(item -> item.getTags().contains("welcome")).count();
      long forCoffee = library.stream()
          .filter(item -> item.getTags().contains("welcome") && item.getInterests().contains("coffee")).count();

      List<ContentMatch> page = catalog.find(query(List.of("welcome"), List.of("coffee"), 0, 500));

      assertThat(page).hasSize((int) welcome);
      assertThat(page.subList(0, (int) forCoffee)).allSatisfy(match -> assertThat(match.relevance()).isEqualTo(1.0));
      assertThat(page.subList((int) forCoffee, page.size())).allSatisfy(match -> assertThat(match.relevance()).isZero());
      assertThat(catalog.searches()).isEqualTo(2);
      assertThat(catalog.hitsRead()).isEqualTo(welcome);
    }
  }

  private void assertEveryPageIsLucenesOwn(Function<Random, List<String>> interests) {
    try (ContentIndex index = ContentIndex.open(dir)) {
      List<ContentItem> library = library(new Random(17), interests);
      index.apply(library.subList(0, 150), 1);
      index.apply(library.subList(150, 300), 2);
      index.apply(library.subList(300, library.size()), 3);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);
      List<List<String>> groupInterests = List.of(List.of("coffee"), List.of("coffee", "tea"), List.of("tea", "tea"),
          List.of("coffee", "tea", "tea"), List.of(), List.of("coffee", "tea", "pets"));
      for (List<String> group : groupInterests) {
        for (List<String> tags : List.of(List.<String>of(), List.of("welcome"), List.of("icebreaker", "topic"))) {
          for (int[] page : new int[][] {{0, 1}, {0, 20}, {20, 40}, {0, 500}}) {
            CandidateQuery query = query(tags, group, page[0], page[1]);
            ScoreDoc[] own = index.withSearcher(searcher -> searcher.search(LuceneContentCatalog.toLucene(query),
                page[0] + page[1]).scoreDocs);
            List<ScoreDoc> expected = Arrays.asList(own).subList(Math.min(page[0], own.length), own.length);

            List<ContentMatch> found = catalog.find(query);

            String what = group + " " + tags + " " + page[0] + "+" + page[1];
            assertThat(found).extracting(ContentMatch::relevance).as(what)
                .containsExactlyElementsOf(expected.stream().map(hit -> (double) hit.score).toList());
            List<String> expectedIds = index.withSearcher(searcher -> {
              List<String> ids = new ArrayList<>();
              for (ScoreDoc hit : expected) {
                ids.add(searcher.storedFields().document(hit.doc).get(ContentDocuments.ID));
              }
              return ids;
            });
            assertThat(found).extracting(m -> m.item().getId()).as(what).containsExactlyElementsOf(expectedIds);
          }
        }
      }
    }
  }

  private static CandidateQuery query(List<String> tags, List<String> interests, int offset, int limit) {
    return new CandidateQuery(ContentKind.POST, tags, interests, "CN-SH-Shanghai", "zh", NOW, offset, limit);
  }

  private static List<ContentItem> library(Random random, Function<Random, List<String>> interests) {
    List<ContentItem> items = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      items.add(ContentItem.builder(String.format("item-%03d", i), ContentKind.POST, "item " + i)
          .tags(List.of(pick(TAGS, random))).interests(interests.apply(random)).build());
    }
    return items;
  }

  private static String pick(List<String> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }
}

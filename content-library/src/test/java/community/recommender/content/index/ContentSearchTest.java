package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.format.SampleLibrary;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Editors' searches over the sample library plus a few named items, on a real index on disk. */
class ContentSearchTest {
  private static final ContentItem COMMUNITY_OPS = post("community-ops", "社群运营的三个习惯", "每天和社群成员聊一聊。")
      .tags(List.of("topic")).build();
  private static final ContentItem SCATTERED = post("scattered", "社区花园开放日", "欢迎加入我们的群，一起种花。")
      .tags(List.of("topic")).build();
  private static final ContentItem GARDENING = post("gardening", "Gardening on a balcony",
      "Small gardens need light and patience.").language("en").tags(List.of("garden")).build();
  private static final ContentItem OLD_DRAFT = post("old-draft", "Gardening draft", "Not yet.").language("en")
      .status(ContentStatus.DRAFT).build();
  private static final ContentItem ARCHIVED = post("archived", "Gardening of old", "Gone.").language("en")
      .status(ContentStatus.ARCHIVED).build();
  private static final ContentItem SUMMER_ONLY = post("summer-only", "Summer garden party", "Only in July.")
      .language("en").validFrom(Instant.parse("2026-07-01T00:00:00Z"))
      .validUntil(Instant.parse("2026-07-31T00:00:00Z")).build();

  @TempDir static Path dir;
  private static ContentIndex index;
  private static ContentSearch search;
  private static int samples;

  @BeforeAll
  static void indexLibrary() {
    index = ContentIndex.open(dir);
    List<ContentItem> items = new ArrayList<>(SampleLibrary.read(Path.of("samples")));
    samples = items.size();
    items.addAll(List.of(COMMUNITY_OPS, SCATTERED, GARDENING, OLD_DRAFT, ARCHIVED, SUMMER_ONLY));
    index.apply(items, 1);
    search = new ContentSearch(index);
  }

  @AfterAll
  static void close() {
    index.close();
  }

  @Test
  void chineseWord_findsItemsWithTheWord_notItemsWithItsCharactersApart() {
    assertThat(ids(find("社群"))).contains("community-ops").doesNotContain("scattered");
  }

  @Test
  void chineseWordsFromTheSamples_eachFindTheirItems() {
    assertThat(ids(find("团购"))).contains("group-buy-coffee-beans-shanghai-zh", "group-buy-flowers-beijing-zh");
    assertThat(ids(find("防霉"))).contains("group-buy-mould-proof-kit-zh");
  }

  @Test
  void englishWord_findsItsOtherForms() {
    assertThat(ids(find("gardens"))).contains("gardening");
    assertThat(ids(find("garden"))).contains("gardening", "summer-only");
  }

  @Test
  void archivedItems_areLeftOutUnlessAskedFor() {
    assertThat(ids(find("gardening"))).contains("gardening", "old-draft").doesNotContain("archived");
    assertThat(ids(search.search(request("gardening", null, null, null, ContentStatus.ARCHIVED, null, 1, 20))))
        .containsExactly("archived");
  }

  @Test
  void validAt_leavesOutItemsOutsideTheirWindow() {
    Instant june = Instant.parse("2026-06-15T00:00:00Z");

    assertThat(ids(search.search(request("garden", null, null, null, null, june, 1, 20))))
        .contains("gardening").doesNotContain("summer-only");
  }

  @Test
  void facets_countMatchesByKindTagAndRegion() {
    ContentSearchResults all = search.search(request(null, null, null, null, ContentStatus.PUBLISHED, null, 1, 5));

    Map<String, Integer> kinds = all.facets().get("kind");
    assertThat(kinds.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo((int) all.total());
    assertThat(kinds).containsKeys("POST", "ACTIVITY", "OFFER");
    assertThat(all.facets().get("tag")).containsKey("group-buy");
    assertThat(all.facets().get("region")).containsKeys("*", "CN-SH-Shanghai");
    assertThat(all.total()).isGreaterThanOrEqualTo(samples);
  }

  @Test
  void filtersByKindTagAndRegion_narrowTheFacetsToo() {
    ContentSearchResults offers = search.search(
        request(null, ContentKind.OFFER, "group-buy", "CN-SH-Shanghai", null, null, 1, 50));

    assertThat(offers.hits()).isNotEmpty().allSatisfy(hit -> {
      assertThat(hit.item().getKind()).isEqualTo(ContentKind.OFFER);
      assertThat(hit.item().getTags()).contains("group-buy");
      assertThat(hit.item().getRegions()).isSubsetOf("CN", "CN-SH", "CN-SH-Shanghai");
    });
    assertThat(offers.facets().get("kind")).containsOnlyKeys("OFFER");
  }

  @Test
  void pages_coverEveryMatchOnceInOrder() {
    ContentSearchResults first = search.search(request(null, null, null, null, null, null, 1, 10));
    ContentSearchResults second = search.search(request(null, null, null, null, null, null, 2, 10));

    assertThat(first.hits()).hasSize(10);
    assertThat(second.total()).isEqualTo(first.total());
    assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
  }

  @Test
  void searchSyntaxTheParserCannotRead_stillAnswers() {
    assertThat(find("garden (")).isNotNull();
    assertThat(ids(find("\"balcony\" -summer"))).contains("gardening");
  }

  @Test
  void orderedByTitle_pagesThroughEveryItemOnceInAlphabeticalOrder() {
    List<ContentItem> listed = everyPage(new ContentOrder(ContentOrder.Field.TITLE, false));
    List<String> titles = listed.stream().map(i -> ContentDocuments.titleOrder(i.getTitle())).toList();
    assertThat(titles).isSorted();
    assertThat(listed.stream().map(ContentItem::getId)).doesNotHaveDuplicates().hasSize((int) find(null).total());
  }

  @Test
  void orderedByValidUntilDescending_listsOpenEndedItemsFirstAndSummerOnlyAfterThem() {
    List<ContentItem> listed = everyPage(new ContentOrder(ContentOrder.Field.VALID_UNTIL, true));
    List<Long> ends = listed.stream()
        .map(i -> i.getValidUntil() == null ? Long.MAX_VALUE : i.getValidUntil().toEpochMilli()).toList();
    assertThat(ends).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(listed.get(0).getValidUntil()).isNull();
  }

  @Test
  void orderedByKind_thenById_isTheSameOnEveryRun() {
    ContentOrder byKind = new ContentOrder(ContentOrder.Field.KIND, false);
    List<ContentItem> listed = everyPage(byKind);
    assertThat(listed.stream().map(i -> i.getKind().name()).toList()).isSorted();
    assertThat(everyPage(byKind)).extracting(ContentItem::getId)
        .containsExactlyElementsOf(listed.stream().map(ContentItem::getId).toList());
  }

  @Test
  void orderedByUpdatedAtDescending_evenWithText_ignoresHowWellItemsMatch() {
    ContentSearchResults results = search.search(new ContentSearchRequest("garden", null, null, null, null, null, 1,
        50, new ContentOrder(ContentOrder.Field.UPDATED_AT, true)));
    assertThat(results.hits().stream().map(h -> h.item().getUpdatedAt() == null ? 0L
        : h.item().getUpdatedAt().toEpochMilli()).toList()).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(ids(results)).contains("gardening", "summer-only");
  }

  /** Every non-archived item, seven to a page, in {@code order}. */
  private static List<ContentItem> everyPage(ContentOrder order) {
    List<ContentItem> listed = new ArrayList<>();
    for (int page = 1; ; page++) {
      ContentSearchResults results = search.search(new ContentSearchRequest(null, null, null, null, null, null, page,
          7, order));
      results.hits().forEach(h -> listed.add(h.item()));
      if ((long) page * 7 >= results.total()) {
        return listed;
      }
    }
  }

  private static ContentSearchResults find(String text) {
    return search.search(request(text, null, null, null, null, null, 1, 50));
  }

  private static ContentSearchRequest request(String text, ContentKind kind, String tag, String region,
      ContentStatus status, Instant validAt, int page, int size) {
    return new ContentSearchRequest(text, kind, tag, region, status, validAt, page, size);
  }

  private static List<String> ids(ContentSearchResults results) {
    return results.hits().stream().map(h -> h.item().getId()).toList();
  }

  private static ContentItem.Builder post(String id, String title, String body) {
    return ContentItem.builder(id, ContentKind.POST, title).body(body).status(ContentStatus.PUBLISHED);
  }
}

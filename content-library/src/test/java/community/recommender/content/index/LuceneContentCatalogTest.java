package community.recommender.content.index;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.model.Platform;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneContentCatalogTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

  private static final ContentItem FLOWERS_SHANGHAI = offer("flowers-sh").regions(List.of("CN-SH-Shanghai")).build();
  private static final ContentItem FLOWERS_BEIJING = offer("flowers-bj").regions(List.of("CN-BJ-Beijing")).build();
  private static final ContentItem COUPON_CHINA = offer("coupon-cn").regions(List.of("CN")).build();
  private static final ContentItem COUPON_ANYWHERE = offer("coupon-any").build();
  private static final ContentItem EXPIRED = offer("expired").validUntil(NOW.minusSeconds(1)).build();
  private static final ContentItem NOT_YET = offer("not-yet").validFrom(NOW.plusSeconds(60)).build();
  private static final ContentItem DRAFT = offer("draft").status(ContentStatus.DRAFT).build();
  private static final ContentItem ENGLISH = offer("english").language("en").build();

  @TempDir Path dir;

  @Test
  void offersForShanghai_leaveOutOtherCitiesExpiredDraftsAndOtherLanguages() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(List.of(FLOWERS_SHANGHAI, FLOWERS_BEIJING, COUPON_CHINA, COUPON_ANYWHERE, EXPIRED, NOT_YET, DRAFT,
          ENGLISH), 8);

      List<ContentMatch> found = new LuceneContentCatalog(index).find(
          new CandidateQuery(ContentKind.OFFER, List.of(), List.of(), "CN-SH-Shanghai", "zh-CN", NOW, 20));

      assertThat(found).extracting(m -> m.item().getId())
          .containsExactlyInAnyOrder("flowers-sh", "coupon-cn", "coupon-any");
    }
  }

  @Test
  void itemTooLongForAPlatform_isLeftOutForGroupsThereOnly() {
    // About 1,700 Chinese characters: over WeCom's 4,000 bytes, within Telegram's 4,096 characters.
    ContentItem longOffer = offer("long-offer").body("鲜花团购开团啦。".repeat(210)).build();
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(List.of(longOffer, COUPON_ANYWHERE), 2);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);

      List<ContentMatch> forWeCom = catalog.find(new CandidateQuery(ContentKind.OFFER, List.of(), List.of(), null, "zh",
          Platform.WECOM, NOW, 20));
      List<ContentMatch> forTelegram = catalog.find(new CandidateQuery(ContentKind.OFFER, List.of(), List.of(), null,
          "zh", Platform.TELEGRAM, NOW, 20));

      assertThat(forWeCom).extracting(m -> m.item().getId()).containsExactly("coupon-any");
      assertThat(forTelegram).extracting(m -> m.item().getId()).containsExactlyInAnyOrder("long-offer", "coupon-any");
    }
  }

  @Test
  void tagsFilter_andInterestsRank() {
    ContentItem coffeeTopic = post("coffee-topic", "topic").interests(List.of("coffee")).build();
    ContentItem carTopic = post("car-topic", "topic").interests(List.of("car")).build();
    ContentItem coffeeWelcome = post("coffee-welcome", "welcome").interests(List.of("coffee")).build();
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(List.of(carTopic, coffeeTopic, coffeeWelcome), 3);

      List<ContentMatch> found = new LuceneContentCatalog(index).find(
          new CandidateQuery(ContentKind.POST, List.of("topic"), List.of("coffee"), null, "zh", NOW, 20));

      assertThat(found).extracting(m -> m.item().getId()).containsExactly("coffee-topic", "car-topic");
    }
  }

  @Test
  void equallyRankedItems_comeInPagesThatNeitherOverlapNorSkip() {
    List<ContentItem> posts = java.util.stream.IntStream.range(0, 25)
        .mapToObj(i -> post("same-" + i, "topic").build()).toList();
    try (ContentIndex index = ContentIndex.open(dir)) {
      index.apply(posts, 25);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);
      CandidateQuery first = new CandidateQuery(ContentKind.POST, List.of(), List.of(), null, "zh", NOW, 10);

      List<String> all = ids(catalog.find(new CandidateQuery(ContentKind.POST, List.of(), List.of(), null, "zh", NOW, 50)));
      List<String> paged = new java.util.ArrayList<>(ids(catalog.find(first)));
      paged.addAll(ids(catalog.find(first.next(10))));
      paged.addAll(ids(catalog.find(first.next(10).next(10))));

      assertThat(all).hasSize(25);
      assertThat(paged).containsExactlyElementsOf(all);
      assertThat(catalog.find(first.next(10).next(10).next(10))).isEmpty();
    }
  }

  @Test
  void indexRemembersWhatItCaughtUpTo_acrossReopen() {
    try (ContentIndex index = ContentIndex.open(dir)) {
      assertThat(index.indexedThrough()).isZero();
      index.apply(List.of(COUPON_ANYWHERE), 42);
    }
    try (ContentIndex index = ContentIndex.open(dir)) {
      assertThat(index.indexedThrough()).isEqualTo(42);
      assertThat(index.size()).isEqualTo(1);
      index.apply(List.of(COUPON_ANYWHERE.toBuilder().version(2).build()), 43);
      assertThat(index.size()).isEqualTo(1);
    }
  }

  private static List<String> ids(List<ContentMatch> matches) {
    return matches.stream().map(m -> m.item().getId()).toList();
  }

  private static ContentItem.Builder offer(String id) {
    return ContentItem.builder(id, ContentKind.OFFER, id).tags(List.of("coupon"))
        .offer(new OfferDetails(BigDecimal.TEN, null, "CNY", null, null, null));
  }

  private static ContentItem.Builder post(String id, String tag) {
    return ContentItem.builder(id, ContentKind.POST, id).tags(List.of(tag));
  }
}

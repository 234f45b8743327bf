package community.recommender.bench;

import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.model.Stage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Generates a reproducible content library of any size, shaped like the sample library. */
final class SyntheticLibrary {
  static final List<String> INTERESTS = List.of("coffee", "tea", "baking", "outdoor", "travel", "home", "car",
      "flowers", "parenting", "fitness", "photography", "skincare", "pets", "reading", "tech");
  static final List<String> REGIONS = List.of("CN-SH-Shanghai", "CN-BJ-Beijing", "CN-GD-Guangzhou", "CN-GD-Shenzhen",
      "CN-ZJ-Hangzhou", "US-CA-SanFrancisco", "GB-LND-London", "DE-BE-Berlin");
  private static final List<String> POST_TAGS = List.of("welcome", "morning-news", "icebreaker", "topic", "knowledge",
      "story-invitation", "scene", "after-sales", "new-product");
  private static final List<String> ACTIVITY_TAGS = List.of("lecture", "salon", "check-in", "game", "contest");
  private static final List<String> OFFER_TAGS = List.of("group-buy", "coupon");
  private static final List<String> WORDS_ZH = List.of("社群", "团购", "防霉", "咖啡", "周末", "分享", "打卡", "新品",
      "福利", "故事", "活动", "花束", "雨季", "出行");
  private static final List<String> WORDS_EN = List.of("community", "group", "weekend", "coffee", "share", "story",
      "rain", "trail", "bake", "garden", "deal", "welcome", "morning", "news");

  private SyntheticLibrary() {}

  static List<ContentItem> generate(int size, Instant now, long seed) {
    Random random = new Random(seed);
    List<ContentItem> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      double roll = random.nextDouble();
      ContentKind kind = roll < 0.6 ? ContentKind.POST : roll < 0.8 ? ContentKind.ACTIVITY : ContentKind.OFFER;
      List<String> tags = switch (kind) {
        case POST -> List.of(pick(POST_TAGS, random));
        case ACTIVITY -> List.of(pick(ACTIVITY_TAGS, random));
        case OFFER -> List.of(pick(OFFER_TAGS, random));
      };
      boolean chinese = random.nextBoolean();
      List<String> words = chinese ? WORDS_ZH : WORDS_EN;
      ContentItem.Builder item = ContentItem.builder("item-" + i, kind, pick(words, random) + " " + pick(words, random) + " " + i)
          .body(sentence(words, random, 40))
          .language(chinese ? "zh" : "en")
          .tags(tags)
          .interests(random.nextDouble() < 0.3 ? List.of() : List.of(pick(INTERESTS, random)))
          .stages(random.nextDouble() < 0.7 ? List.of() : List.of(Stage.values()[random.nextInt(Stage.values().length)]))
          .regions(random.nextDouble() < 0.7 ? List.of() : List.of(pick(REGIONS, random)));
      if (random.nextDouble() < 0.2) {
        item.validUntil(now.plus(Duration.ofDays(random.nextInt(60) - 10)));
      }
      if (kind == ContentKind.ACTIVITY) {
        item.activity(new ActivityDetails(tags.get(0), null, null, 50));
      }
      if (kind == ContentKind.OFFER) {
        item.offer(new OfferDetails(BigDecimal.valueOf(9 + random.nextInt(200)), null, "CNY", 100, 5,
            random.nextBoolean() ? now.plus(Duration.ofHours(random.nextInt(400))) : null));
      }
      items.add(item.build());
    }
    return items;
  }

  static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static String sentence(List<String> words, Random random, int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append(pick(words, random)).append(' ');
    }
    return text.toString();
  }
}

package community.recommender.bench.content;

import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.OfferDetails;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** A content library of any size, made up from community vocabulary in Chinese and English; the same for a seed. */
final class GeneratedLibrary {
  static final List<String> ZH_WORDS = List.of("社群", "团购", "防霉", "咖啡", "鲜花", "打卡", "优惠", "新人", "欢迎",
      "活动", "读书", "烘焙", "茶叶", "亲子", "露营", "健身", "宠物", "梅雨", "收纳", "分享", "抽奖", "直播", "讲座", "周末");
  static final List<String> EN_WORDS = List.of("community", "garden", "coffee", "flowers", "welcome", "weekend",
      "reading", "baking", "running", "discount", "coupon", "salon", "lecture", "members", "recipe", "challenge",
      "share", "story", "tips", "camping", "tea", "pets", "quiz", "contest");
  static final List<String> TAGS = List.of("topic", "welcome", "icebreaker", "group-buy", "coupon", "check-in", "game",
      "after-sales", "tips", "story", "koc", "salon");
  static final List<String> REGIONS = List.of("CN-SH-Shanghai", "CN-BJ-Beijing", "CN-GD-Guangzhou", "CN-ZJ-Hangzhou",
      "CN", "GB-LND", "US");
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  private GeneratedLibrary() {}

  static List<ContentItem> generate(int count, long seed) {
    Random random = new Random(seed);
    List<ContentItem> items = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      boolean chinese = random.nextInt(3) < 2;
      List<String> words = chinese ? ZH_WORDS : EN_WORDS;
      ContentKind kind = ContentKind.values()[random.nextInt(3)];
      ContentItem.Builder item = ContentItem.builder("gen-" + i, kind, sentence(random, words, 4, chinese))
          .body(paragraph(random, words, chinese))
          .language(chinese ? "zh" : "en")
          .tags(List.of(pick(random, TAGS), pick(random, TAGS)).stream().distinct().toList())
          .interests(List.of(pick(random, EN_WORDS)))
          .regions(random.nextInt(3) == 0 ? List.of(pick(random, REGIONS)) : List.of())
          .status(random.nextInt(10) == 0 ? ContentStatus.DRAFT : ContentStatus.PUBLISHED)
          .validFrom(START.plusSeconds(86_400L * random.nextInt(100)))
          .validUntil(START.plusSeconds(86_400L * (100 + random.nextInt(300))))
          .updatedAt(START.plusSeconds(i));
      if (kind == ContentKind.ACTIVITY) {
        item.activity(new ActivityDetails("salon", null, null, 10 + random.nextInt(90)));
      } else if (kind == ContentKind.OFFER) {
        item.offer(new OfferDetails(BigDecimal.valueOf(10 + random.nextInt(300)), null, "CNY", 100, 20, null));
      }
      items.add(item.build());
    }
    return items;
  }

  static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  private static String sentence(Random random, List<String> words, int length, boolean chinese) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      if (!chinese && i > 0) {
        text.append(' ');
      }
      text.append(pick(random, words));
    }
    return text.toString();
  }

  private static String paragraph(Random random, List<String> words, boolean chinese) {
    StringBuilder text = new StringBuilder();
    int sentences = 3 + random.nextInt(6);
    for (int i = 0; i < sentences; i++) {
      text.append(sentence(random, words, 5 + random.nextInt(8), chinese)).append(chinese ? "。" : ". ");
    }
    return text.toString();
  }
}

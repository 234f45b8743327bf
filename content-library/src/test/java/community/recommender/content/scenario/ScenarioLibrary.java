package community.recommender.content.scenario;

import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.LuceneContentCatalog;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.journey.JourneySimulation;
import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleFolder;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A content library of our own, written for the seed scenarios (not the demo library), indexed in
 * a real Lucene index on disk, with the real playbook from {@code rules/}.
 */
final class ScenarioLibrary implements AutoCloseable {
  static final ContentItem ICEBREAKER_ZH = post("icebreaker-weekend-plans", "zh", "icebreaker").build();
  static final ContentItem TOPIC_ZH = post("topic-favourite-cup", "zh", "topic").build();
  static final ContentItem CHECK_IN_ZH = activity("check-in-7-days", "zh", "check-in").build();
  static final ContentItem SALON_ZH = activity("salon-tasting-night", "zh", "salon").build();
  static final ContentItem CONTEST_ZH = activity("contest-best-photo", "zh", "contest").build();
  static final ContentItem WELCOME_ZH = post("welcome-newcomers", "zh", "welcome").build();
  static final ContentItem STORY_ZH = post("story-your-first-cup", "zh", "story-invitation").build();
  static final ContentItem KNOWLEDGE_COFFEE_ZH = post("knowledge-roast-levels", "zh", "knowledge")
      .interests(List.of("coffee")).build();
  static final ContentItem KNOWLEDGE_CAR_ZH = post("knowledge-tyre-pressure", "zh", "knowledge")
      .interests(List.of("car")).build();
  static final ContentItem MORNING_NEWS_ZH = post("morning-news-today", "zh", "morning-news").build();
  static final ContentItem SCENE_COFFEE_ZH = post("scene-rainy-afternoon", "zh", "scene")
      .interests(List.of("coffee", "clothes")).build();
  static final ContentItem SCENE_COFFEE_2_ZH = post("scene-first-snow-latte", "zh", "scene")
      .interests(List.of("coffee")).build();
  static final ContentItem SCENE_COFFEE_3_ZH = post("scene-sunday-brunch", "zh", "scene")
      .interests(List.of("coffee")).build();
  static final ContentItem AFTER_SALES_ZH = post("after-sales-grinder-care", "zh", "after-sales").build();
  static final ContentItem FAQ_ZH = post("faq-delivery-delays", "zh", "faq", "service").build();
  static final ContentItem COUPON_COFFEE_ZH = offer("coupon-beans-20-off", "zh", "coupon")
      .interests(List.of("coffee")).build();
  static final ContentItem COUPON_CAR_ZH = offer("coupon-car-wash", "zh", "coupon").interests(List.of("car")).build();
  static final ContentItem GROUP_BUY_FLOWERS_SHANGHAI = offer("group-buy-roses-shanghai", "zh", "group-buy")
      .interests(List.of("flowers")).regions(List.of("CN-SH")).build();
  static final ContentItem GROUP_BUY_FLOWERS_BEIJING = offer("group-buy-peonies-beijing", "zh", "group-buy")
      .interests(List.of("flowers")).regions(List.of("CN-BJ")).build();
  static final ContentItem SCENE_FLOWERS_ZH = post("scene-spring-balcony", "zh", "scene")
      .interests(List.of("flowers")).build();

  static final List<ContentItem> ITEMS = items();

  private final ContentIndex index;
  final DecisionPipeline pipeline;
  final JourneySimulation journeys;
  final RuleBook rules;

  private ScenarioLibrary(ContentIndex index, RuleBook rules) {
    this.index = index;
    this.rules = rules;
    this.pipeline = new DecisionPipeline(rules, new LuceneContentCatalog(index));
    this.journeys = new JourneySimulation(pipeline);
  }

  /** Indexes {@code items} in {@code dir} and loads the real playbook. */
  static ScenarioLibrary open(Path dir, List<ContentItem> items) throws RuleCompilationException {
    ContentIndex index = ContentIndex.open(dir);
    index.apply(items, items.size());
    RuleBook rules = new RuleBook();
    rules.activate(rules.compile(new RuleFolder(Path.of("..", "rules")).read()), 1);
    return new ScenarioLibrary(index, rules);
  }

  @Override
  public void close() {
    index.close();
  }

  private static List<ContentItem> items() {
    List<ContentItem> items = new ArrayList<>(List.of(ICEBREAKER_ZH, TOPIC_ZH, CHECK_IN_ZH, SALON_ZH, CONTEST_ZH,
        WELCOME_ZH, STORY_ZH, KNOWLEDGE_COFFEE_ZH, KNOWLEDGE_CAR_ZH, MORNING_NEWS_ZH, SCENE_COFFEE_ZH, AFTER_SALES_ZH,
        FAQ_ZH, COUPON_COFFEE_ZH, COUPON_CAR_ZH, GROUP_BUY_FLOWERS_SHANGHAI, GROUP_BUY_FLOWERS_BEIJING,
        SCENE_FLOWERS_ZH, SCENE_COFFEE_2_ZH, SCENE_COFFEE_3_ZH));
    // Enough everyday reading and activities that a group posting daily never runs out within a month.
    for (int i = 1; i <= 80; i++) {
      items.add(post("reading-" + i, "zh", i % 2 == 0 ? "knowledge" : "topic").build());
    }
    for (int i = 1; i <= 20; i++) {
      items.add(activity("activity-" + i, "zh", i % 2 == 0 ? "game" : "check-in").build());
    }
    return items;
  }

  static ContentItem.Builder post(String id, String language, String... tags) {
    return ContentItem.builder(id, ContentKind.POST, id).body("…").language(language).tags(List.of(tags));
  }

  static ContentItem.Builder activity(String id, String language, String... tags) {
    return ContentItem.builder(id, ContentKind.ACTIVITY, id).body("…").language(language).tags(List.of(tags))
        .activity(new ActivityDetails(tags[0], null, null, null));
  }

  static ContentItem.Builder offer(String id, String language, String... tags) {
    return ContentItem.builder(id, ContentKind.OFFER, id).body("…").language(language).tags(List.of(tags))
        .offer(new OfferDetails(BigDecimal.valueOf(59), null, "CNY", null, null, null));
  }
}

package community.recommender.engine.decision;

import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import community.recommender.engine.model.StageAssessment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Named groups and content items for decision tests. */
final class Fixtures {
  static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  static final ContentItem ICEBREAKER = post("icebreaker-weekend", "icebreaker").build();
  static final ContentItem WELCOME = post("welcome-coffee", "welcome").interests(List.of("coffee")).build();
  static final ContentItem STORY_INVITATION = post("share-your-story", "story-invitation").build();
  static final ContentItem KNOWLEDGE_COFFEE = post("pour-over-basics", "knowledge").interests(List.of("coffee")).build();
  static final ContentItem KNOWLEDGE_CAR = post("tyre-care", "knowledge").interests(List.of("car")).build();
  static final ContentItem CHECK_IN = ContentItem.builder("morning-check-in", ContentKind.ACTIVITY, "Check in")
      .tags(List.of("check-in")).build();
  static final ContentItem FLOWER_GROUP_BUY_SHANGHAI =
      ContentItem.builder("flowers-shanghai", ContentKind.OFFER, "Flowers group-buy")
          .tags(List.of("group-buy")).regions(List.of("CN-SH-Shanghai")).build();
  static final ContentItem COUPON_ANYWHERE =
      ContentItem.builder("coupon-anywhere", ContentKind.OFFER, "Coupon").tags(List.of("coupon")).build();

  static final List<ContentItem> LIBRARY =
      List.of(ICEBREAKER, WELCOME, STORY_INVITATION, KNOWLEDGE_COFFEE, KNOWLEDGE_CAR, CHECK_IN,
          FLOWER_GROUP_BUY_SHANGHAI, COUPON_ANYWHERE);

  private Fixtures() {}

  /** A mature coffee group in Shanghai, 100 members, with the given week of activity. */
  static Group coffeeGroup(ActivityCounts week) {
    return group("sh-coffee", week, ActivityCountsFor.steadyMonth(week), Duration.ofDays(200));
  }

  static Group group(String id, ActivityCounts week, ActivityCounts month, Duration age) {
    Portrait portrait = Portrait.named(id).interests(List.of("coffee")).region("CN-SH-Shanghai").language("zh")
        .memberCount(100).build();
    Activity activity = Activity.assess(week, month, portrait.getMemberCount());
    Instant createdAt = NOW.minus(age);
    Stage stage = StageAssessment.stageOf(createdAt, activity, NOW);
    return new Group(id, portrait, activity, stage, createdAt);
  }

  static ContentItem.Builder post(String id, String tag) {
    return ContentItem.builder(id, ContentKind.POST, id).tags(List.of(tag));
  }

  /** Weeks of activity with a given number of messages. */
  static final class ActivityCountsFor {
    private ActivityCountsFor() {}

    static ActivityCounts messages(long messages, long joins, long complaints) {
      return new ActivityCounts(messages, messages / 3, joins, 0, 0, 0, 0, complaints);
    }

    static ActivityCounts steadyMonth(ActivityCounts week) {
      return new ActivityCounts(week.getMessages() * 4, week.getActiveMembers() * 4, week.getJoins() * 4, 0,
          week.getReactions() * 4, 0, 0, week.getComplaints() * 4);
    }
  }
}

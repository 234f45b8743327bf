package community.recommender.engine.playbook;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Named groups, content and history for the playbook tests. */
final class Fixtures {
  /** A Wednesday, 14:00 in Shanghai: outside any usual quiet hours. */
  static final Instant NOW = Instant.parse("2026-06-03T06:00:00Z");

  private Fixtures() {}

  static GroupFixture group(String id) {
    return new GroupFixture(id);
  }

  static ContentItem.Builder post(String id, String... tags) {
    return ContentItem.builder(id, ContentKind.POST, id).tags(List.of(tags));
  }

  static ContentItem.Builder activity(String id, String... tags) {
    return ContentItem.builder(id, ContentKind.ACTIVITY, id).tags(List.of(tags));
  }

  static ContentItem.Builder offer(String id, String... tags) {
    return ContentItem.builder(id, ContentKind.OFFER, id).tags(List.of(tags))
        .offer(new OfferDetails(BigDecimal.valueOf(59), null, "CNY", null, null, null));
  }

  static ContentItem.Builder offerClosingIn(String id, Duration left, String... tags) {
    return offer(id, tags).offer(new OfferDetails(BigDecimal.valueOf(59), null, "CNY", null, null, NOW.plus(left)));
  }

  /** A suggestion the group was sent and posted {@code daysAgo} days ago. */
  static PastSuggestion posted(String contentId, ContentKind kind, long daysAgo, String... tags) {
    Instant at = NOW.minus(Duration.ofDays(daysAgo));
    return new PastSuggestion(contentId, kind, List.of(tags), at, true, Outcome.POSTED, at, NOW);
  }

  /** A suggestion the group was sent and posted {@code minutesAgo} minutes ago. */
  static PastSuggestion postedMinutesAgo(String contentId, ContentKind kind, long minutesAgo) {
    Instant at = NOW.minus(Duration.ofMinutes(minutesAgo));
    return new PastSuggestion(contentId, kind, List.of(), at, true, Outcome.POSTED, at, NOW);
  }

  /** A suggestion that was skipped {@code daysAgo} days ago: the group never saw it. */
  static PastSuggestion skipped(String contentId, ContentKind kind, long daysAgo) {
    Instant at = NOW.minus(Duration.ofDays(daysAgo));
    return new PastSuggestion(contentId, kind, List.of(), at, true, Outcome.SKIPPED, null, NOW);
  }

  /** A group portrait and a week of activity, steady over the month unless told otherwise. */
  static final class GroupFixture {
    private final String id;
    private List<String> interests = List.of("coffee");
    private String region = "CN-SH-Shanghai";
    private String language = "zh";
    private int members = 100;
    private int kocs = 5;
    private String quietHours;
    private ZoneId zone = ZoneId.of("Asia/Shanghai");
    private Platform platform = Platform.WECHAT;
    private final Map<String, String> attributes = new HashMap<>();
    private long messages = 60;
    private long reactions;
    private long joins;
    private long orders;
    private long complaints;
    private long monthlyMessages = -1;
    private long ageDays = 200;
    private long reactionsPerWeek;

    private GroupFixture(String id) {
      this.id = id;
    }

    GroupFixture interests(String... interests) {
      this.interests = List.of(interests);
      return this;
    }

    GroupFixture region(String region) {
      this.region = region;
      return this;
    }

    GroupFixture language(String language) {
      this.language = language;
      return this;
    }

    GroupFixture reactions(long reactions) {
      this.reactions = reactions;
      return this;
    }

    GroupFixture kocs(int kocs) {
      this.kocs = kocs;
      return this;
    }

    GroupFixture quietHours(String quietHours) {
      this.quietHours = quietHours;
      return this;
    }

    GroupFixture platform(Platform platform) {
      this.platform = platform;
      return this;
    }

    GroupFixture attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    /** Messages in the last week, for 100 members: 9 is QUIET, 60 is ACTIVE, 150 is HOT, 2 is DORMANT. */
    GroupFixture messages(long messages) {
      this.messages = messages;
      return this;
    }

    GroupFixture monthlyMessages(long monthlyMessages) {
      this.monthlyMessages = monthlyMessages;
      return this;
    }

    GroupFixture joins(long joins) {
      this.joins = joins;
      return this;
    }

    GroupFixture orders(long orders) {
      this.orders = orders;
      return this;
    }

    GroupFixture complaints(long complaints) {
      this.complaints = complaints;
      return this;
    }

    GroupFixture ageDays(long ageDays) {
      this.ageDays = ageDays;
      return this;
    }

    Group build() {
      Portrait.Builder portrait = Portrait.named(id).interests(interests).region(region).language(language)
          .memberCount(members).kocCount(kocs).timezone(zone).platform(platform).attributes(attributes);
      if (quietHours != null) {
        portrait.quietHours(quietHours);
      }
      ActivityCounts week = new ActivityCounts(messages, messages / 3, joins, 0, reactions, 0, orders, complaints);
      // A steady group: its history (up to 28 days) holds the same week over and over.
      double weeks = Math.max(1.0, Math.min(28, ageDays) / 7.0);
      long month = monthlyMessages >= 0 ? monthlyMessages : Math.round(messages * weeks);
      ActivityCounts last28 = new ActivityCounts(month, month / 3, joins, 0, Math.round(reactions * weeks), 0, orders, complaints);
      Instant createdAt = NOW.minus(Duration.ofDays(ageDays));
      return Group.assess(id, portrait.build(), week, last28, createdAt, createdAt, NOW);
    }
  }
}

package community.recommender.content.scenario;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Portrait;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Named groups for the seed scenarios: a portrait and a steady week of activity unless told otherwise. */
final class ScenarioGroups {
  /** A Wednesday, 14:00 in Shanghai. */
  static final Instant NOW = Instant.parse("2026-06-03T06:00:00Z");

  private ScenarioGroups() {}

  static Builder group(String id) {
    return new Builder(id);
  }

  static PastSuggestion posted(String contentId, ContentKind kind, long daysAgo, String... tags) {
    Instant at = NOW.minus(Duration.ofDays(daysAgo));
    return new PastSuggestion(contentId, kind, List.of(tags), at, true, Outcome.POSTED, at, NOW);
  }

  static final class Builder {
    private final String id;
    private List<String> interests = List.of("coffee");
    private String region = "CN-SH-Shanghai";
    private int members = 100;
    private int kocs = 5;
    private long messages = 60;
    private long monthlyMessages = -1;
    private long joins;
    private long orders;
    private long complaints;
    private long ageDays = 200;
    private String quietHours;
    private Platform platform = Platform.WECHAT;
    private final Map<String, String> attributes = new HashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    Builder interests(String... interests) {
      this.interests = List.of(interests);
      return this;
    }

    Builder region(String region) {
      this.region = region;
      return this;
    }

    Builder kocs(int kocs) {
      this.kocs = kocs;
      return this;
    }

    /** Messages last week for 100 members: 2 DORMANT, 15 QUIET, 60 ACTIVE, 150 HOT. */
    Builder messages(long messages) {
      this.messages = messages;
      return this;
    }

    Builder monthlyMessages(long monthlyMessages) {
      this.monthlyMessages = monthlyMessages;
      return this;
    }

    Builder joins(long joins) {
      this.joins = joins;
      return this;
    }

    Builder orders(long orders) {
      this.orders = orders;
      return this;
    }

    Builder complaints(long complaints) {
      this.complaints = complaints;
      return this;
    }

    Builder ageDays(long ageDays) {
      this.ageDays = ageDays;
      return this;
    }

    Builder quietHours(String quietHours) {
      this.quietHours = quietHours;
      return this;
    }

    Builder platform(Platform platform) {
      this.platform = platform;
      return this;
    }

    Builder attribute(String key, String value) {
      attributes.put(key, value);
      return this;
    }

    Group build() {
      Portrait portrait = Portrait.named(id).interests(interests).region(region).language("zh").memberCount(members)
          .kocCount(kocs).timezone(ZoneId.of("Asia/Shanghai")).platform(platform).quietHours(quietHours)
          .attributes(attributes).build();
      double weeks = Math.max(1.0, Math.min(28, ageDays) / 7.0);
      long month = monthlyMessages >= 0 ? monthlyMessages : Math.round(messages * weeks);
      ActivityCounts week = new ActivityCounts(messages, messages / 3, joins, 0, 0, 0, orders, complaints);
      ActivityCounts last28 = new ActivityCounts(month, month / 3, joins, 0, 0, 0, orders, complaints);
      Instant created = NOW.minus(Duration.ofDays(ageDays));
      return Group.assess(id, portrait, week, last28, created, created, NOW);
    }
  }
}

package community.recommender.engine.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.journey.Journey;
import community.recommender.engine.journey.JourneySimulation;
import community.recommender.engine.journey.JourneyStep;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.SendQuota;
import community.recommender.engine.model.PlaybookSettings;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * 1,000 random groups, 60 simulated days each, through the real playbook: no group stalls while
 * the library holds content it may receive, and every pacing and goodwill invariant holds at every
 * send. The library always holds plenty of everyday content in each language, so a stall can only
 * come from the rules.
 */
class JourneyPropertyTest {
  private static final int GROUPS = 1_000;
  private static final int DAYS = 60;
  private static final long SEED = 20261126L;
  private static final List<String> INTERESTS = List.of("coffee", "tea", "flowers", "clothes", "car", "electronics",
      "parenting", "fitness", "travel", "insurance");
  private static final List<String> REGIONS = List.of("CN-SH-Shanghai", "CN-BJ-Beijing", "GB-LND-London");
  private static final List<String> ZONES = List.of("Asia/Shanghai", "Europe/London", "America/Los_Angeles");

  @Test
  void randomGroups_neverStall_andEveryPacingInvariantHolds() {
    Random random = new Random(SEED);
    List<ContentItem> library = library(random);
    DecisionPipeline pipeline = new DecisionPipeline(Playbook.book(), new InMemoryCatalog(library));
    JourneySimulation simulation = new JourneySimulation(pipeline);
    PlaybookSettings defaults = pipeline.settingsOf(Playbook.book().active());
    Map<String, ContentItem> byId = new HashMap<>();
    library.forEach(i -> byId.put(i.getId(), i));

    List<Group> groups = new java.util.ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      groups.add(randomGroup("g-" + g, random));
    }
    long started = System.nanoTime();
    java.util.concurrent.atomic.AtomicLong decisions = new java.util.concurrent.atomic.AtomicLong();
    java.util.concurrent.atomic.AtomicLong sends = new java.util.concurrent.atomic.AtomicLong();
    // Journeys are independent, so they run on every core; each one checks its own invariants.
    groups.parallelStream().forEach(group -> {
      Journey journey = simulation.run(group, List.of(), Fixtures.NOW, DAYS, Playbook.book().active());
      decisions.addAndGet(journey.steps().size());
      sends.addAndGet(journey.sent().size());
      assertThat(journey.stalls()).as(group.getId()).isEmpty();
      assertThat(journey.truncated()).as(group.getId()).isFalse();
      assertThat(journey.sent()).as(group.getId()).hasSizeGreaterThanOrEqualTo(DAYS);
      checkPacing(group, journey, defaults.forGroup(group), byId);
    });
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("journey property: %d groups x %d days, %d decisions, %d sends in %.1f s (%.0f us a decision)%n",
        GROUPS, DAYS, decisions.get(), sends.get(), seconds, seconds * 1e6 / decisions.get());
  }

  private static void checkPacing(Group group, Journey journey, PlaybookSettings settings, Map<String, ContentItem> byId) {
    ZoneId zone = group.getPortrait().getTimezone();
    List<JourneyStep> sent = journey.sent();
    Map<java.time.LocalDate, Integer> perDay = new HashMap<>();
    Map<YearMonth, Integer> perMonth = new HashMap<>();
    for (int i = 0; i < sent.size(); i++) {
      JourneyStep step = sent.get(i);
      String at = group.getId() + " at " + step.at() + " " + step.contentId();
      if (i > 0) {
        assertThat(Duration.between(sent.get(i - 1).at(), step.at()).toMinutes()).as(at)
            .isGreaterThanOrEqualTo(settings.getMinGapMinutes());
      }
      assertThat(perDay.merge(step.at().atZone(zone).toLocalDate(), 1, Integer::sum)).as(at)
          .isLessThanOrEqualTo(settings.getMaxSendsPerDay());
      int month = perMonth.merge(YearMonth.from(step.at().atZone(zone)), 1, Integer::sum);
      int monthlyQuota = SendQuota.of(group.getPortrait(), step.at()).monthly();
      if (monthlyQuota != SendQuota.NONE) {
        assertThat(month).as(at).isLessThanOrEqualTo(monthlyQuota);
      }
      if (group.getPortrait().getPlatform() == Platform.WECOM) {
        assertThat(month).as(at).isLessThanOrEqualTo(step.at().atZone(zone).toLocalDate().lengthOfMonth());
      }
      if (group.getPortrait().getQuietHours() != null) {
        LocalTime local = step.at().atZone(zone).toLocalTime();
        assertThat(local).as(at).isBetween(LocalTime.of(8, 0), LocalTime.of(21, 59, 59));
      }
      for (int j = 0; j < i; j++) {
        if (sent.get(j).contentId().equals(step.contentId())) {
          assertThat(Duration.between(sent.get(j).at(), step.at()).toDays()).as(at + " repeated")
              .isGreaterThanOrEqualTo(settings.getNoRepeatDays());
        }
      }
      assertThat(byId.get(step.contentId()).availableIn(group.getPortrait().getRegion())).as(at).isTrue();
      if (step.kind() == ContentKind.OFFER) {
        Group then = group.asOf(step.at());
        assertThat(then.getActivity().getBand().name()).as(at).isIn("ACTIVE", "HOT");
        assertThat(then.getActivity().getComplaintShare()).as(at).isLessThan(settings.getComplaintShareLimit());
        assertThat(then.getStage()).as(at).isNotEqualTo(Stage.NEW);
        long offersThisWeek = sent.subList(0, i).stream().filter(s -> s.kind() == ContentKind.OFFER)
            .filter(s -> Duration.between(s.at(), step.at()).toDays() < 7).count();
        assertThat(offersThisWeek).as(at).isLessThan(settings.getMaxOffersPerWeek());
        for (int back = 1; back < settings.getOfferAtMostOneIn() && i - back >= 0; back++) {
          assertThat(sent.get(i - back).kind()).as(at).isNotEqualTo(ContentKind.OFFER);
        }
        if (settings.needsScene(byId.get(step.contentId()))) {
          assertThat(sent.subList(0, i)).as(at + " without a scene")
              .anyMatch(s -> byId.get(s.contentId()).hasTag("scene")
                  && Duration.between(s.at(), step.at()).toDays() < settings.getSceneValidDays());
        }
      }
    }
  }

  private static Group randomGroup(String id, Random random) {
    int members = 20 + random.nextInt(500);
    long messages = switch (random.nextInt(4)) {
      case 0 -> random.nextInt(members / 10 + 1);
      case 1 -> members / 5 + random.nextInt(members / 5 + 1);
      case 2 -> members / 2 + random.nextInt(members / 2 + 1);
      default -> members + random.nextInt(members + 1);
    };
    long complaints = random.nextInt(5) == 0 ? messages / 10 : messages / 100;
    long age = 1 + random.nextInt(400);
    double weeks = Math.max(1.0, Math.min(28, age) / 7.0);
    double drift = 0.5 + random.nextDouble() * 1.5;
    long month = Math.round(messages * weeks * drift);
    ActivityCounts week = new ActivityCounts(messages, messages / 3, random.nextInt(3) == 0 ? random.nextInt(40) : 0, 0,
        messages / 2, 0, random.nextInt(3) == 0 ? random.nextInt(20) : 0, complaints);
    ActivityCounts last28 = new ActivityCounts(month, month / 3, week.getJoins(), 0, month / 2, 0, week.getOrders(),
        complaints);
    List<String> interests = new ArrayList<>();
    interests.add(INTERESTS.get(random.nextInt(INTERESTS.size())));
    if (random.nextBoolean()) {
      interests.add(INTERESTS.get(random.nextInt(INTERESTS.size())));
    }
    Map<String, String> attributes = new HashMap<>();
    if (random.nextInt(5) == 0) {
      attributes.put("purchase", random.nextBoolean() ? "emotional" : "rational");
    }
    Portrait portrait = Portrait.named(id).interests(interests.stream().distinct().toList())
        .region(random.nextInt(4) == 0 ? null : REGIONS.get(random.nextInt(REGIONS.size())))
        .language(random.nextBoolean() ? "zh" : "en")
        .timezone(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))))
        .quietHours(random.nextBoolean() ? "22:00-08:00" : null)
        .platform(random.nextInt(3) == 0 ? Platform.WECOM : Platform.TELEGRAM)
        .memberCount(members).kocCount(random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(8))
        .attributes(attributes).build();
    Instant created = Fixtures.NOW.minus(Duration.ofDays(age));
    return Group.assess(id, portrait, week, last28, created, created, Fixtures.NOW);
  }

  /** Everyday content in both languages for anyone, plus items for interests and regions, scenes and offers. */
  private static List<ContentItem> library(Random random) {
    List<ContentItem> items = new ArrayList<>();
    for (String language : List.of("zh", "en")) {
      for (int i = 0; i < 60; i++) {
        items.add(Fixtures.post(language + "-read-" + i, i % 3 == 0 ? "knowledge" : i % 3 == 1 ? "topic" : "icebreaker")
            .language(language).build());
        if (i < 30) {
          items.add(Fixtures.activity(language + "-activity-" + i, i % 2 == 0 ? "check-in" : "game").language(language)
              .build());
        }
      }
      for (String interest : INTERESTS) {
        items.add(Fixtures.post(language + "-scene-" + interest, "scene").interests(List.of(interest)).language(language)
            .build());
        items.add(Fixtures.post(language + "-knowledge-" + interest, "knowledge").interests(List.of(interest))
            .language(language).build());
        for (String region : REGIONS) {
          items.add(Fixtures.offer(language + "-group-buy-" + interest + "-" + region, "group-buy")
              .interests(List.of(interest)).regions(List.of(region.substring(0, 5))).language(language).build());
        }
        items.add(Fixtures.offer(language + "-coupon-" + interest, "coupon").interests(List.of(interest))
            .language(language).build());
      }
      for (String tag : List.of("welcome", "story-invitation", "after-sales", "faq", "care")) {
        for (int i = 0; i < 4; i++) {
          items.add(Fixtures.post(language + "-" + tag + "-" + i, tag).language(language).build());
        }
      }
    }
    return items;
  }
}

package community.recommender.content.scenario;

import static community.recommender.content.scenario.ScenarioGroups.NOW;
import static community.recommender.content.scenario.ScenarioGroups.group;
import static community.recommender.content.scenario.ScenarioGroups.posted;
import static community.recommender.content.scenario.ScenarioLibrary.*;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.journey.Journey;
import community.recommender.engine.journey.JourneyStep;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Reason;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scenario per behaviour the seeds ask for, through the real rules and a real Lucene index of
 * a library written for these scenarios.
 */
class SeedScenariosTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final PastSuggestion ACTIVITY_LAST_WEEK = posted("an-old-salon", ContentKind.ACTIVITY, 5);

  @TempDir static Path indexDir;
  private static ScenarioLibrary library;

  @BeforeAll
  static void open() throws Exception {
    library = ScenarioLibrary.open(indexDir, ScenarioLibrary.ITEMS);
  }

  @AfterAll
  static void close() {
    library.close();
  }

  private static Decision decide(Group group, PastSuggestion... past) {
    return library.pipeline.decide(group, List.of(past), NOW);
  }

  private static Journey journey(Group group, int days) {
    return library.journeys.run(group, List.of(), NOW, days, library.rules.active());
  }

  @Test
  void quietAndDormantGroups_getInteractionAndNoOffer() {
    for (Group group : List.of(group("quiet-coffee").messages(15).build(), group("dormant-coffee").messages(2).build())) {
      Journey days = journey(group, 14);

      assertThat(days.sent()).isNotEmpty();
      assertThat(days.sent()).extracting(JourneyStep::kind).doesNotContain(ContentKind.OFFER);
      assertThat(days.sent().get(0).reasons()).extracting(Reason::rule)
          .contains("Wake a quiet group with interaction before any offer");
      assertThat(days.stalls()).isEmpty();
    }
  }

  @Test
  void aWaveOfNewcomers_getsAWelcome() {
    Group newcomers = group("wave").joins(60).ageDays(10).build();

    assertThat(decide(newcomers).winner().map(ContentItem::getId)).contains(WELCOME_ZH.getId());
  }

  @Test
  void aGroupWithoutKocs_getsSomethingThatSurfacesThem() {
    Group leaderless = group("leaderless").kocs(0).build();

    ContentItem winner = decide(leaderless, ACTIVITY_LAST_WEEK).winner().orElseThrow();

    assertThat(winner.getTags()).containsAnyOf("check-in", "contest", "salon", "story-invitation");
  }

  @Test
  void aRegionalGroupBuy_reachesOnlyItsRegion() {
    Group shanghaiFlowers = group("sh-flowers").interests("flowers").region("CN-SH-Shanghai").build();
    Group beijingFlowers = group("bj-flowers").interests("flowers").region("CN-BJ-Beijing").build();
    Group noRegion = group("anywhere-flowers").interests("flowers").region(null).build();
    PastSuggestion scene = posted("a-scene", ContentKind.POST, 1, "scene");

    assertThat(decide(shanghaiFlowers, ACTIVITY_LAST_WEEK, scene).winner().map(ContentItem::getId)).contains(GROUP_BUY_FLOWERS_SHANGHAI.getId());
    assertThat(decide(beijingFlowers, ACTIVITY_LAST_WEEK, scene).winner().map(ContentItem::getId)).contains(GROUP_BUY_FLOWERS_BEIJING.getId());
    for (Group group : List.of(shanghaiFlowers, beijingFlowers, noRegion)) {
      Journey month = journey(group, 30);
      assertThat(month.sent()).extracting(JourneyStep::contentId).as(group.getId())
          .allMatch(id -> !id.startsWith("group-buy") || ITEMS.stream().filter(i -> i.getId().equals(id)).findFirst()
              .orElseThrow().availableIn(group.getPortrait().getRegion()));
    }
  }

  @Test
  void anEmotionalGroup_getsASceneBeforeAnOffer_andTheOfferAfterIt() {
    for (Group emotional : List.of(group("coffee-lovers").build(), group("clothes-lovers").interests("clothes", "coffee").build())) {
      List<JourneyStep> sent = journey(emotional, 14).sent();

      int firstOffer = indexOfKind(sent, ContentKind.OFFER);
      assertThat(firstOffer).as(emotional.getId() + " " + contents(sent)).isPositive();
      assertThat(sent.subList(0, firstOffer)).as(emotional.getId()).anySatisfy(s ->
          assertThat(s.contentId()).startsWith("scene-"));
    }
  }

  @Test
  void aRationalGroup_getsAnOfferWithoutAScene() {
    Group carClub = group("car-club").interests("car").build();

    List<JourneyStep> sent = journey(carClub, 14).sent();

    assertThat(sent).extracting(JourneyStep::kind).as(contents(sent)).contains(ContentKind.OFFER);
    assertThat(sent).extracting(JourneyStep::contentId).doesNotContain(SCENE_COFFEE_ZH.getId(),
        SCENE_COFFEE_2_ZH.getId(), SCENE_COFFEE_3_ZH.getId(), SCENE_FLOWERS_ZH.getId());
  }

  @Test
  void aComplaintSpike_getsCareAndNoOffer() {
    Group unhappy = group("unhappy").messages(100).complaints(10).build();

    Decision decision = decide(unhappy, ACTIVITY_LAST_WEEK);
    Journey week = journey(unhappy, 7);

    assertThat(decision.winner().map(ContentItem::getId).orElseThrow()).isIn(FAQ_ZH.getId(), AFTER_SALES_ZH.getId());
    assertThat(week.sent()).extracting(JourneyStep::kind).doesNotContain(ContentKind.OFFER);
    assertThat(week.sent().get(0).contentId()).isIn(FAQ_ZH.getId(), AFTER_SALES_ZH.getId());
  }

  @Test
  void aGroupWithRecentOffers_getsNoOfferAndAnActivity() {
    Group carClub = group("car-club").interests("car").build();

    Decision decision = decide(carClub, posted("coupon-a", ContentKind.OFFER, 3), posted("coupon-b", ContentKind.OFFER, 1));

    assertThat(decision.winner().orElseThrow().getKind()).isEqualTo(ContentKind.ACTIVITY);
    assertThat(decision.dropped()).filteredOn(d -> d.content().getKind() == ContentKind.OFFER).isNotEmpty();
  }

  @Test
  void anAfterSalesGroup_getsAfterSalesCare() {
    Group buyers = group("buyers").interests("car").orders(12).build();

    assertThat(decide(buyers, ACTIVITY_LAST_WEEK).winner().map(ContentItem::getId)).contains(AFTER_SALES_ZH.getId());
  }

  @Test
  void aHealthyGroup_eventuallyGetsAnOffer_andNeverStalls() {
    Group healthyNew = group("healthy-new").ageDays(20).build();
    Group healthy = group("healthy").build();

    Journey fromNew = journey(healthyNew, 30);
    Journey settled = journey(healthy, 14);

    assertThat(fromNew.stalls()).isEmpty();
    assertThat(fromNew.sent()).hasSizeGreaterThanOrEqualTo(50);
    assertThat(fromNew.sent()).extracting(JourneyStep::kind).as(contents(fromNew.sent()))
        .contains(ContentKind.OFFER, ContentKind.ACTIVITY);
    assertThat(settled.sent()).extracting(JourneyStep::kind).contains(ContentKind.OFFER);
  }

  @Test
  void quietHoursAndQuotas_hold() {
    Group nightQuiet = group("night-quiet").quietHours("22:00-08:00").platform(Platform.WECOM)
        .attribute("monthlySendQuota", "10").build();

    Journey days = journey(nightQuiet, 45);

    assertThat(days.sent()).allSatisfy(s -> {
      LocalTime local = s.at().atZone(SHANGHAI).toLocalTime();
      assertThat(local).isBetween(LocalTime.of(8, 0), LocalTime.of(21, 59, 59));
    });
    Map<YearMonth, Long> perMonth = days.sent().stream()
        .collect(Collectors.groupingBy(s -> YearMonth.from(s.at().atZone(SHANGHAI)), Collectors.counting()));
    assertThat(perMonth.values()).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(10));
    assertThat(days.holds()).flatExtracting(JourneyStep::reasons).extracting(Reason::rule)
        .contains("Respect the group's quiet hours", "Never exceed the platform's monthly send quota");
  }

  private static int indexOfKind(List<JourneyStep> sent, ContentKind kind) {
    for (int i = 0; i < sent.size(); i++) {
      if (sent.get(i).kind() == kind) {
        return i;
      }
    }
    return -1;
  }

  private static String contents(List<JourneyStep> sent) {
    return sent.stream().map(s -> s.kind() + ":" + s.contentId()).toList().toString();
  }
}

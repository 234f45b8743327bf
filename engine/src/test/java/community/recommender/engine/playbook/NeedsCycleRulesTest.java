package community.recommender.engine.playbook;

import static community.recommender.engine.playbook.Fixtures.activity;
import static community.recommender.engine.playbook.Fixtures.group;
import static community.recommender.engine.playbook.Fixtures.offer;
import static community.recommender.engine.playbook.Fixtures.post;
import static community.recommender.engine.playbook.Fixtures.posted;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.PastSuggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code rules/needs-cycle.drl}, one test each, named after the rule. */
class NeedsCycleRulesTest {
  private static final ContentItem ICEBREAKER = post("icebreaker", "icebreaker").build();
  private static final ContentItem CHECK_IN = activity("check-in", "check-in").build();
  private static final ContentItem SALON = activity("salon", "salon").build();
  private static final ContentItem COUPON = offer("coupon", "coupon").build();
  private static final ContentItem WELCOME = post("welcome", "welcome").build();
  private static final ContentItem COFFEE_KNOWLEDGE = post("pour-over", "knowledge").interests(List.of("coffee")).build();
  private static final ContentItem STORY_INVITATION = post("share-your-story", "story-invitation").build();
  private static final ContentItem AFTER_SALES = post("grinder-care", "after-sales").build();
  private static final ContentItem SCENE = post("rainy-afternoon", "scene").interests(List.of("coffee")).build();
  private static final ContentItem MORNING_NEWS = post("morning-news", "morning-news").build();
  private static final ContentItem FAQ = post("delivery-faq", "faq").build();
  private static final PastSuggestion ACTIVITY_LAST_WEEK = posted("last-week-salon", ContentKind.ACTIVITY, 5);

  @Test
  @RuleUnderTest("Wake a quiet group with interaction before any offer")
  void quietGroup_isWokenWithInteractionBeforeAnyOffer() {
    Group quiet = group("quiet").messages(15).build();

    Decision decision = Playbook.decide(quiet, List.of(ICEBREAKER, CHECK_IN, COUPON));

    assertThat(decision.winner()).contains(ICEBREAKER);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Wake a quiet group with interaction before any offer");
    assertThat(decision.needs()).extracting(Need::getKind).doesNotContain(ContentKind.OFFER);
  }

  @Test
  @RuleUnderTest("Welcome the newcomers of the last week")
  void newcomersOfTheLastWeek_areWelcomed() {
    Group growing = group("growing").joins(5).interests("car").build();

    Decision fresh = Playbook.decide(growing, List.of(WELCOME));
    Decision welcomedAlready = Playbook.decide(growing, List.of(WELCOME), posted("old-welcome", ContentKind.POST, 3, "welcome"));

    assertThat(fresh.winner()).contains(WELCOME);
    assertThat(fresh.reasons().get(0).message()).isEqualTo("5 members joined this week: welcome them");
    assertThat(welcomedAlready.firedRules()).doesNotContain("Welcome the newcomers of the last week");
    Group newAndGrowing = group("new-and-growing").joins(60).ageDays(10).build();
    assertThat(Playbook.decide(newAndGrowing, List.of(STORY_INVITATION, COFFEE_KNOWLEDGE, WELCOME)).winner())
        .as("a welcome wave outranks generic new-group content").contains(WELCOME);
  }

  @Test
  @RuleUnderTest("Liven up a group that is losing interest with an activity")
  void groupLosingInterest_getsAnActivity() {
    Group losingInterest = group("losing-interest").interests("car").messages(60).monthlyMessages(400).build();
    Group steady = group("steady").interests("car").messages(60).build();

    Decision decision = Playbook.decide(losingInterest, List.of(SALON, MORNING_NEWS),
        posted("old-salon", ContentKind.ACTIVITY, 10));

    assertThat(decision.winner()).contains(SALON);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Liven up a group that is losing interest with an activity");
    assertThat(Playbook.decide(losingInterest, List.of(SALON), posted("old-salon", ContentKind.ACTIVITY, 3)).firedRules())
        .doesNotContain("Liven up a group that is losing interest with an activity");
    assertThat(Playbook.decide(steady, List.of(SALON), posted("old-salon", ContentKind.ACTIVITY, 10)).firedRules())
        .doesNotContain("Liven up a group that is losing interest with an activity");
  }

  @Test
  @RuleUnderTest("Break a run of posts with an activity")
  void runOfPosts_isBrokenByAnActivity() {
    Group any = group("any").interests("car").build();

    Decision decision = Playbook.decide(any, List.of(CHECK_IN, MORNING_NEWS),
        ACTIVITY_LAST_WEEK, posted("a", ContentKind.POST, 2), posted("b", ContentKind.POST, 1));

    assertThat(decision.winner()).contains(CHECK_IN);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Break a run of posts with an activity");
  }

  @Test
  @RuleUnderTest("Answer a complaint spike with care before anything else")
  void complaintSpike_getsCareBeforeAnythingElse() {
    Group unhappy = group("unhappy").interests("car").messages(100).complaints(10).build();

    Decision decision = Playbook.decide(unhappy, List.of(COUPON, FAQ, SALON, MORNING_NEWS));

    assertThat(decision.winner()).contains(FAQ);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Answer a complaint spike with care before anything else");
    assertThat(decision.needs()).extracting(Need::getKind).doesNotContain(ContentKind.OFFER);
  }

  @Test
  @RuleUnderTest("Follow an offer with an activity")
  void offer_isFollowedByAnActivity() {
    Group lively = group("lively").interests("car").messages(100).build();

    Decision afterOffer = Playbook.decide(lively, List.of(SALON, COUPON, MORNING_NEWS),
        ACTIVITY_LAST_WEEK, posted("earlier-coupon", ContentKind.OFFER, 1));
    Decision afterOfferAndActivity = Playbook.decide(lively, List.of(SALON, COUPON, MORNING_NEWS),
        posted("earlier-coupon", ContentKind.OFFER, 2), posted("quiz", ContentKind.ACTIVITY, 1));

    assertThat(afterOffer.winner()).contains(SALON);
    assertThat(Playbook.reasonRules(afterOffer)).first().isEqualTo("Follow an offer with an activity");
    assertThat(afterOfferAndActivity.firedRules()).doesNotContain("Follow an offer with an activity");
  }

  @Test
  @RuleUnderTest("Show a new group content that matches its portrait")
  void newGroup_seesContentMatchingItsPortrait() {
    Group fresh = group("fresh").ageDays(10).build();

    Decision decision = Playbook.decide(fresh, List.of(COFFEE_KNOWLEDGE));

    assertThat(decision.winner()).contains(COFFEE_KNOWLEDGE);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Show a new group content that matches its portrait");
  }

  @Test
  @RuleUnderTest("Invite a new group's members to share their experience")
  void newGroupsMembers_areInvitedToShareTheirExperience() {
    Group fresh = group("fresh").ageDays(10).build();
    Group old = group("old").ageDays(400).build();

    Decision decision = Playbook.decide(fresh, List.of(STORY_INVITATION));

    assertThat(decision.winner()).contains(STORY_INVITATION);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Invite a new group's members to share their experience");
    assertThat(Playbook.decide(old, List.of(STORY_INVITATION)).firedRules())
        .doesNotContain("Invite a new group's members to share their experience");
  }

  @Test
  @RuleUnderTest("Surface KOCs in a group that has none")
  void groupWithoutKocs_getsAnActivityToSurfaceThem() {
    Group leaderless = group("leaderless").kocs(0).ageDays(60).build();
    Group dormant = group("dormant").kocs(0).messages(2).build();

    Decision decision = Playbook.decide(leaderless, List.of(CHECK_IN), ACTIVITY_LAST_WEEK);

    assertThat(decision.winner()).contains(CHECK_IN);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Surface KOCs in a group that has none");
    assertThat(Playbook.decide(dormant, List.of(CHECK_IN)).firedRules())
        .doesNotContain("Surface KOCs in a group that has none");
  }

  @Test
  @RuleUnderTest("Give a group an activity when it has gone too long without one")
  void groupLongWithoutAnActivity_getsOne() {
    Group mature = group("mature").interests("car").ageDays(400).build();

    Decision overdue = Playbook.decide(mature, List.of(SALON), posted("last-salon", ContentKind.ACTIVITY, 20));
    Decision recent = Playbook.decide(mature, List.of(SALON), posted("last-salon", ContentKind.ACTIVITY, 5));

    assertThat(overdue.winner()).contains(SALON);
    assertThat(overdue.reasons().get(0).message()).endsWith("the last was 20 days ago");
    assertThat(recent.firedRules()).doesNotContain("Give a group an activity when it has gone too long without one");
    Group young = group("young").interests("car").ageDays(10).build();
    assertThat(Playbook.decide(young, List.of(SALON)).firedRules())
        .doesNotContain("Give a group an activity when it has gone too long without one");
  }

  @Test
  @RuleUnderTest("Look after the members who ordered")
  void membersWhoOrdered_getAfterSalesCare() {
    Group buyers = group("buyers").interests("car").orders(3).build();

    Decision decision = Playbook.decide(buyers, List.of(AFTER_SALES));
    Decision caredFor = Playbook.decide(buyers, List.of(AFTER_SALES), posted("care", ContentKind.POST, 2, "after-sales"));

    assertThat(decision.winner()).contains(AFTER_SALES);
    assertThat(decision.reasons().get(0).message()).startsWith("Members ordered 3 times this week");
    assertThat(caredFor.firedRules()).doesNotContain("Look after the members who ordered");
    Group newBuyers = group("new-buyers").orders(42).ageDays(10).build();
    Decision forNewBuyers = Playbook.decide(newBuyers, List.of(STORY_INVITATION, COFFEE_KNOWLEDGE, AFTER_SALES));
    assertThat(forNewBuyers.winner()).as(forNewBuyers.reasons() + " " + forNewBuyers.needs().stream().map(n -> n.getRule() + n.getUrgency()).toList())
        .contains(AFTER_SALES);
  }

  @Test
  @RuleUnderTest("Offer something to a lively group that is in a good mood")
  void livelyGroupInAGoodMood_getsAnOffer() {
    Group lively = group("lively").interests("car").messages(100).build();
    Group unhappy = group("unhappy").interests("car").messages(100).complaints(10).build();

    assertThat(Playbook.decide(lively, List.of(COUPON)).winner()).contains(COUPON);
    assertThat(Playbook.decide(unhappy, List.of(COUPON)).firedRules())
        .doesNotContain("Offer something to a lively group that is in a good mood");
  }

  @Test
  @RuleUnderTest("Set the scene before an offer in an emotional category")
  void emotionalCategory_getsASceneBeforeAnOffer() {
    Group coffeeLovers = group("coffee").messages(100).build();

    Decision decision = Playbook.decide(coffeeLovers, List.of(SCENE, COUPON), ACTIVITY_LAST_WEEK);

    assertThat(decision.winner()).contains(SCENE);
    assertThat(decision.needs()).anySatisfy(need -> {
      assertThat(need.getRule()).isEqualTo("Set the scene before an offer in an emotional category");
      assertThat(need.getTags()).containsExactly("scene");
    });
  }

  @Test
  @RuleUnderTest("Keep every group supplied with something worth reading")
  void everyGroup_staysSuppliedWithSomethingToRead() {
    Group any = group("any").interests("car").build();

    Decision decision = Playbook.decide(any, List.of(MORNING_NEWS));

    assertThat(decision.winner()).contains(MORNING_NEWS);
    assertThat(Playbook.reasonRules(decision)).first().isEqualTo("Keep every group supplied with something worth reading");
  }
}

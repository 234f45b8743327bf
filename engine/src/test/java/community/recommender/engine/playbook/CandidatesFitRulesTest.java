package community.recommender.engine.playbook;

import static community.recommender.engine.playbook.Fixtures.group;
import static community.recommender.engine.playbook.Fixtures.offer;
import static community.recommender.engine.playbook.Fixtures.offerClosingIn;
import static community.recommender.engine.playbook.Fixtures.post;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Stage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code rules/candidates-fit.drl}. */
class CandidatesFitRulesTest {
  private static final Group SHANGHAI_CAR_CLUB = group("sh-cars").interests("car").messages(100).build();

  @Test
  @RuleUnderTest("Send regional offers only to groups in their regions")
  void regionalOffer_goesOnlyToGroupsInItsRegion() {
    ContentItem beijingFlowers = offer("flowers-bj", "group-buy").regions(List.of("CN-BJ-Beijing")).build();
    ContentItem chinaCoupon = offer("coupon-cn", "coupon").regions(List.of("CN")).build();

    Decision decision = Playbook.decideIgnoringRegions(SHANGHAI_CAR_CLUB, List.of(beijingFlowers, chinaCoupon));

    assertThat(Playbook.vetoesOf(decision, "flowers-bj")).containsExactly("Send regional offers only to groups in their regions");
    assertThat(decision.winner()).contains(chinaCoupon);
  }

  @Test
  @RuleUnderTest("Leave out content made for other interests")
  void contentForOtherInterests_isLeftOut() {
    ContentItem parenting = post("bedtime-reading", "knowledge").interests(List.of("parenting")).build();
    ContentItem general = post("general", "knowledge").build();

    Decision decision = Playbook.decide(SHANGHAI_CAR_CLUB, List.of(parenting, general));

    assertThat(Playbook.vetoesOf(decision, "bedtime-reading")).containsExactly("Leave out content made for other interests");
    assertThat(decision.winner()).contains(general);
  }

  @Test
  @RuleUnderTest("Prefer content made for the group's interests")
  void contentForTheGroupsInterests_isPreferred() {
    ContentItem general = post("a-general", "knowledge").build();
    ContentItem tyres = post("z-tyres", "knowledge").interests(List.of("car")).build();

    Decision decision = Playbook.decide(SHANGHAI_CAR_CLUB, List.of(general, tyres));

    assertThat(decision.winner()).contains(tyres);
    assertThat(decision.reasons()).anySatisfy(reason -> {
      assertThat(reason.rule()).isEqualTo("Prefer content made for the group's interests");
      assertThat(reason.message()).endsWith("(+15)");
    });
  }

  @Test
  @RuleUnderTest("Prefer content made for the group's stage")
  void contentForTheGroupsStage_isPreferred() {
    ContentItem any = post("a-any", "knowledge").build();
    ContentItem forMature = post("z-mature", "knowledge").stages(List.of(Stage.MATURE)).build();

    Decision decision = Playbook.decide(SHANGHAI_CAR_CLUB, List.of(any, forMature));

    assertThat(SHANGHAI_CAR_CLUB.getStage()).isEqualTo(Stage.MATURE);
    assertThat(decision.winner()).contains(forMature);
    assertThat(Playbook.reasonRules(decision)).contains("Prefer content made for the group's stage");
  }

  @Test
  @RuleUnderTest("Prefer offers made for the group's own region")
  void offerForTheGroupsOwnRegion_isPreferred() {
    ContentItem anywhere = offer("a-anywhere", "coupon").build();
    ContentItem local = offer("z-local", "coupon").regions(List.of("CN-SH-Shanghai")).build();

    Decision decision = Playbook.decide(SHANGHAI_CAR_CLUB, List.of(anywhere, local));

    assertThat(decision.winner()).contains(local);
    assertThat(decision.score()).isEqualTo(70 + 10);
  }

  @Test
  @RuleUnderTest("Raise an offer's urgency as its deadline nears")
  void offerNearItsDeadline_getsMoreUrgent() {
    ContentItem closingTomorrow = offerClosingIn("z-tomorrow", Duration.ofHours(24), "group-buy").build();
    ContentItem closingThisWeek = offerClosingIn("y-this-week", Duration.ofDays(5), "group-buy").build();
    ContentItem closingLater = offerClosingIn("a-later", Duration.ofDays(30), "group-buy").build();

    Decision decision = Playbook.decide(SHANGHAI_CAR_CLUB, List.of(closingLater, closingThisWeek, closingTomorrow));
    Decision withoutTomorrow = Playbook.decide(SHANGHAI_CAR_CLUB, List.of(closingLater, closingThisWeek));

    assertThat(decision.winner()).contains(closingTomorrow);
    assertThat(decision.score()).isEqualTo(70 + 20);
    assertThat(withoutTomorrow.winner()).contains(closingThisWeek);
    assertThat(withoutTomorrow.score()).isEqualTo(70 + 10);
  }
}

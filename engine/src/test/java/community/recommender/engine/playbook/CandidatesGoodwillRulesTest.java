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
import community.recommender.engine.model.Stage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@code rules/candidates-goodwill.drl}. They guard offers wherever an offer is
 * wanted, so these tests add one test rule that always wants an offer.
 */
class CandidatesGoodwillRulesTest {
  private static final ContentItem COUPON = offer("coupon", "coupon").build();
  private static final ContentItem TOPIC = post("topic", "topic").build();
  private static final List<ContentItem> LIBRARY = List.of(COUPON, TOPIC);

  @Test
  @RuleUnderTest("Never sell to a quiet group")
  void quietGroup_isNeverSoldTo() {
    Group quiet = group("quiet").interests("car").messages(15).build();

    Decision decision = Playbook.decideWantingAnOffer(quiet, LIBRARY);

    assertThat(Playbook.vetoesOf(decision, "coupon")).contains("Never sell to a quiet group");
    assertThat(decision.winner()).contains(TOPIC);
  }

  @Test
  @RuleUnderTest("Let a new group settle before selling")
  void newGroup_settlesBeforeItIsSoldTo() {
    Group fresh = group("fresh").interests("car").messages(100).ageDays(10).build();
    Group settled = group("settled").interests("car").messages(100).ageDays(40).build();

    Decision decision = Playbook.decideWantingAnOffer(fresh, LIBRARY);

    assertThat(Playbook.vetoesOf(decision, "coupon")).containsExactly("Let a new group settle before selling");
    assertThat(Playbook.decideWantingAnOffer(settled, LIBRARY).winner()).contains(COUPON);
  }

  @Test
  @RuleUnderTest("Hold back offers while members complain")
  void complainingGroup_getsNoOffers() {
    Group unhappy = group("unhappy").interests("car").messages(100).complaints(10).build();
    Group content = group("content").interests("car").messages(100).complaints(2).build();

    Decision decision = Playbook.decideWantingAnOffer(unhappy, LIBRARY);

    assertThat(Playbook.vetoesOf(decision, "coupon")).containsExactly("Hold back offers while members complain");
    assertThat(decision.dropped().get(0).vetoes().get(0).message()).startsWith("10% of this week's messages");
    assertThat(Playbook.decideWantingAnOffer(content, LIBRARY).winner()).contains(COUPON);
  }

  @Test
  @RuleUnderTest("Put care first while members complain")
  void care_comesBeforeAnActivityMadeForAComplainingGroup() {
    Group unhappy = group("unhappy").interests("car").messages(100).complaints(10).build();
    Group content = group("content").interests("car").messages(100).complaints(2).build();
    // Overdue, and made for the group's interests and stage: without the rule it outscores the answer (82 + 15 + 5 > 98).
    ContentItem carRally = activity("car-rally", "salon").interests(List.of("car")).stages(List.of(Stage.MATURE)).build();
    ContentItem faq = post("delivery-faq", "faq").build();

    Decision decision = Playbook.decide(unhappy, List.of(carRally, faq));

    assertThat(decision.winner()).contains(faq);
    assertThat(Playbook.reasonRules(decision)).contains("Put care first while members complain");
    assertThat(Playbook.decide(content, List.of(carRally, faq)).firedRules())
        .doesNotContain("Put care first while members complain");
  }

  @Test
  @RuleUnderTest("Space offers out among other suggestions")
  void offers_areSpacedOutAmongOtherSuggestions() {
    Group lively = group("lively").interests("car").messages(100).build();

    Decision afterAnOffer = Playbook.decideWantingAnOffer(lively, LIBRARY,
        posted("earlier-coupon", ContentKind.OFFER, 2), posted("a-post", ContentKind.POST, 1));
    Decision twoPostsLater = Playbook.decideWantingAnOffer(lively, LIBRARY,
        posted("earlier-coupon", ContentKind.OFFER, 3), posted("a-post", ContentKind.POST, 2),
        posted("b-post", ContentKind.ACTIVITY, 1));

    assertThat(Playbook.vetoesOf(afterAnOffer, "coupon")).containsExactly("Space offers out among other suggestions");
    assertThat(twoPostsLater.winner()).contains(COUPON);
  }

  @Test
  @RuleUnderTest("Keep offers under the weekly cap")
  void offers_stayUnderTheWeeklyCap() {
    Group capped = group("capped").interests("car").messages(100).attribute("maxOffersPerWeek", "1").build();
    Group roomy = group("roomy").interests("car").messages(100).build();
    var history = new community.recommender.engine.model.PastSuggestion[] {
        posted("earlier-coupon", ContentKind.OFFER, 4), posted("a-post", ContentKind.POST, 3),
        posted("an-activity", ContentKind.ACTIVITY, 2)};

    Decision decision = Playbook.decideWantingAnOffer(capped, LIBRARY, history);

    assertThat(Playbook.vetoesOf(decision, "coupon")).containsExactly("Keep offers under the weekly cap");
    assertThat(Playbook.decideWantingAnOffer(roomy, LIBRARY, history).winner()).contains(COUPON);
  }

  @Test
  @RuleUnderTest("Set the scene before selling in an emotional category")
  void offerInAnEmotionalCategory_waitsForAScene() {
    Group flowers = group("flowers").interests("flowers").messages(100).build();

    Decision withoutScene = Playbook.decideWantingAnOffer(flowers, LIBRARY);
    Decision afterScene = Playbook.decideWantingAnOffer(flowers, LIBRARY,
        posted("spring-flowers", ContentKind.POST, 2, "scene"));
    Group clothes = group("clothes").interests("clothes").messages(100).build();
    Group rationalByChoice = group("florist-suppliers").interests("flowers").messages(100)
        .attribute("purchase", "rational").build();
    ContentItem rationalOffer = offer("bulk-vases", "coupon", "rational").build();

    assertThat(Playbook.vetoesOf(withoutScene, "coupon")).containsExactly("Set the scene before selling in an emotional category");
    assertThat(afterScene.winner()).contains(COUPON);
    assertThat(Playbook.vetoesOf(Playbook.decideWantingAnOffer(clothes, LIBRARY), "coupon"))
        .as("clothes are bought on emotion").containsExactly("Set the scene before selling in an emotional category");
    assertThat(Playbook.decideWantingAnOffer(rationalByChoice, LIBRARY).winner()).as("the group's override").contains(COUPON);
    assertThat(Playbook.decideWantingAnOffer(flowers, List.of(rationalOffer, TOPIC)).winner())
        .as("the item's override").contains(rationalOffer);
  }
}

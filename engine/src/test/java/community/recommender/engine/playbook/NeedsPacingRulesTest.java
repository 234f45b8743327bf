package community.recommender.engine.playbook;

import static community.recommender.engine.playbook.Fixtures.group;
import static community.recommender.engine.playbook.Fixtures.post;
import static community.recommender.engine.playbook.Fixtures.posted;
import static community.recommender.engine.playbook.Fixtures.postedMinutesAgo;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Platform;
import java.time.LocalDate;
import java.util.Map;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of {@code rules/needs-pacing.drl}: holds that keep a group waiting. */
class NeedsPacingRulesTest {
  private static final List<ContentItem> LIBRARY = List.of(post("morning-news", "morning-news").build());

  @Test
  @RuleUnderTest("Respect the group's quiet hours")
  void quietHours_areRespected() {
    Group napping = group("napping").quietHours("13:00-15:00").build();
    Group awake = group("awake").quietHours("22:00-08:00").build();

    Decision held = Playbook.decide(napping, LIBRARY);

    assertThat(held.winner()).isEmpty();
    assertThat(held.heldUntil()).contains(Instant.parse("2026-06-03T07:00:00Z"));
    assertThat(Playbook.reasonRules(held)).containsExactly("Respect the group's quiet hours");
    assertThat(Playbook.decide(awake, LIBRARY).winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Leave a minimum gap between posts")
  void nextPost_waitsTheMinimumGap() {
    Group paced = group("paced").build();
    Group eager = group("eager").attribute("minGapMinutes", "20").build();

    Decision held = Playbook.decide(paced, LIBRARY, postedMinutesAgo("earlier", ContentKind.POST, 30));

    assertThat(held.heldUntil()).contains(Fixtures.NOW.plusSeconds(210 * 60));
    assertThat(held.reasons().get(0).message()).contains("30 minutes ago", "every 240 minutes");
    assertThat(Playbook.decide(eager, LIBRARY, postedMinutesAgo("earlier", ContentKind.POST, 30)).winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Keep to the daily limit of sends")
  void dailyLimit_holdsTheGroupUntilTomorrow() {
    Group paced = group("paced").build();
    Group chatty = group("chatty").attribute("maxSendsPerDay", "3").build();
    var today = new community.recommender.engine.model.PastSuggestion[] {
        postedMinutesAgo("a", ContentKind.POST, 300), postedMinutesAgo("b", ContentKind.ACTIVITY, 250)};

    Decision held = Playbook.decide(paced, LIBRARY, today);

    assertThat(held.heldUntil()).contains(Instant.parse("2026-06-03T16:00:00Z"));
    assertThat(Playbook.reasonRules(held)).containsExactly("Keep to the daily limit of sends");
    assertThat(Playbook.decide(chatty, LIBRARY, today).winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Never exceed the platform's monthly send quota")
  void monthlyPlatformQuota_isNeverExceeded() {
    Group wecom = group("wecom").platform(Platform.WECOM).attribute("monthlySendQuota", "3").build();
    Group telegram = group("telegram").platform(Platform.TELEGRAM).build();
    var thisMonth = new community.recommender.engine.model.PastSuggestion[] {
        posted("a", ContentKind.POST, 2), posted("b", ContentKind.ACTIVITY, 1),
        postedMinutesAgo("c", ContentKind.POST, 360)};

    Decision held = Playbook.decide(wecom, LIBRARY, thisMonth);

    assertThat(held.winner()).isEmpty();
    assertThat(held.heldUntil()).contains(Instant.parse("2026-06-30T16:00:00Z"));
    assertThat(Playbook.reasonRules(held)).containsExactly("Never exceed the platform's monthly send quota");
    assertThat(Playbook.decide(telegram, LIBRARY, thisMonth).winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Never exceed the platform's monthly send quota")
  void weComDefaultQuota_isTheMonthsDays_andCountsOtherSenders() {
    Group wecom = group("wecom").platform(Platform.WECOM).build();
    PastSuggestion ours = posted("a", ContentKind.POST, 2);

    Decision held = Playbook.decide(wecom, LIBRARY, sent(Map.of(JUNE_1, 20, JUNE_2, 9)), ours);
    Decision free = Playbook.decide(wecom, LIBRARY, sent(Map.of(JUNE_1, 20, JUNE_2, 8)), ours);

    assertThat(held.heldUntil()).contains(Instant.parse("2026-06-30T16:00:00Z"));
    assertThat(Playbook.reasonRules(held)).containsExactly("Never exceed the platform's monthly send quota");
    assertThat(held.reasons().get(0).message()).contains("quota of 30", "30 messages from every sender");
    assertThat(free.winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Keep within the group's weekly send quota, counting every sender")
  void weeklyQuota_holdsTheGroupUntilMonday() {
    Group tightened = group("tightened").platform(Platform.WECOM).attribute("weeklySendQuota", "7").build();

    Decision held = Playbook.decide(tightened, LIBRARY, sent(Map.of(JUNE_1, 4, JUNE_2, 3)));
    Decision lastWeek = Playbook.decide(tightened, LIBRARY, sent(Map.of(LocalDate.of(2026, 5, 31), 7)));

    assertThat(held.heldUntil()).contains(Instant.parse("2026-06-07T16:00:00Z"));
    assertThat(Playbook.reasonRules(held)).containsExactly(
        "Keep within the group's weekly send quota, counting every sender");
    assertThat(lastWeek.winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Keep within the group's daily send quota, counting every sender")
  void dailyQuota_countsWhatOthersSentToday() {
    Group oncePerDay = group("once-a-day").platform(Platform.WECOM).attribute("dailySendQuota", "1").build();

    Decision held = Playbook.decide(oncePerDay, LIBRARY, sent(Map.of(LocalDate.of(2026, 6, 3), 1)));
    Decision yesterday = Playbook.decide(oncePerDay, LIBRARY, sent(Map.of(JUNE_2, 1)));

    assertThat(held.heldUntil()).contains(Instant.parse("2026-06-03T16:00:00Z"));
    assertThat(Playbook.reasonRules(held)).containsExactly(
        "Keep within the group's daily send quota, counting every sender");
    assertThat(yesterday.winner()).isPresent();
  }

  @Test
  @RuleUnderTest("Keep within the platform's rate limit")
  void platformRateLimit_holdsTheGroupUntilItsWindowFrees() {
    Group slack = group("slack").platform(Platform.SLACK).attribute("minGapMinutes", "0")
        .attribute("maxSendsPerDay", "10").build();
    Group overridden = group("overridden").attribute("rateLimitMessages", "2").attribute("rateLimitSeconds", "600")
        .attribute("minGapMinutes", "0").attribute("maxSendsPerDay", "10").build();
    Group unlimited = group("unlimited").attribute("minGapMinutes", "0").attribute("maxSendsPerDay", "10").build();
    PastSuggestion justNow = postedMinutesAgo("a", ContentKind.POST, 0);
    PastSuggestion[] twoRecent = {postedMinutesAgo("b", ContentKind.POST, 3), postedMinutesAgo("c", ContentKind.POST, 8)};

    Decision slackHeld = Playbook.decide(slack, LIBRARY, justNow);
    Decision held = Playbook.decide(overridden, LIBRARY, twoRecent);

    assertThat(slackHeld.heldUntil()).contains(Fixtures.NOW.plusSeconds(1));
    assertThat(Playbook.reasonRules(slackHeld)).containsExactly("Keep within the platform's rate limit");
    assertThat(held.heldUntil()).contains(Fixtures.NOW.plusSeconds(120));
    assertThat(held.reasons().get(0).message()).contains("at most 2 messages every 600 seconds");
    assertThat(Playbook.decide(unlimited, LIBRARY, twoRecent).winner()).isPresent();
  }

  private static final LocalDate JUNE_1 = LocalDate.of(2026, 6, 1);
  private static final LocalDate JUNE_2 = LocalDate.of(2026, 6, 2);

  private static ExternalSends sent(Map<LocalDate, Integer> perDay) {
    return new ExternalSends(perDay);
  }
}

package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.History;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.RuleOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every documented group fact can be matched from DRL, with the meaning the README gives it. */
class GroupFactsTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  private static final String FACTS_DRL = """
      package playbook.facts
      import community.recommender.engine.model.*

      ruleflow-group "needs"

      rule "level"              when Group( activity.level == 75 ) then insert( new Note("") ); end
      rule "band"               when Group( activity.band == ActivityBand.HOT ) then insert( new Note("") ); end
      rule "trend"              when Group( activity.trend == Trend.RISING ) then insert( new Note("") ); end
      rule "last 7 days"        when Group( activity.last7Days.joins == 4 ) then insert( new Note("") ); end
      rule "last 28 days"       when Group( activity.last28Days.messages == 200 ) then insert( new Note("") ); end
      rule "sentiment"          when Group( activity.complaintShare == 0.1 ) then insert( new Note("") ); end
      rule "stage"              when Group( stage == Stage.MATURE ) then insert( new Note("") ); end
      rule "age"                when Group( ageDays == 200 ) then insert( new Note("") ); end
      rule "offer this week"    when History( daysSinceLast(ContentKind.OFFER) < 7 ) then insert( new Note("") ); end
      rule "post this week"     when History( daysSinceLast(ContentKind.POST) < 7 ) then insert( new Note("") ); end
      rule "never an activity"  when History( daysSinceLast(ContentKind.ACTIVITY) == 9999 ) then insert( new Note("") ); end
      rule "attribute"          when Group( portrait.attributes["store"] == "0217" ) then insert( new Note("") ); end
      rule "koc listed"         when Group( portrait.kocs contains "member-7", portrait.kocCount == 3 ) then insert( new Note("") ); end
      """;

  @Test
  void everyGroupFact_isReadableFromDrl_andRecencyIsHistorysVocabulary() throws Exception {
    CompiledRules rules = new RuleBook().compile(List.of(new RuleSource("facts.drl", FACTS_DRL)));
    ActivityCounts week = new ActivityCounts(100, 40, 4, 0, 100, 0, 0, 10);
    ActivityCounts month = new ActivityCounts(200, 80, 5, 0, 200, 0, 0, 10);
    Portrait portrait = Portrait.named("Coffee").memberCount(100).kocCount(3).kocs(List.of("member-7"))
        .attributes(Map.of("store", "0217")).build();
    Instant createdAt = NOW.minus(Duration.ofDays(200));
    Group group = Group.assess("sh-coffee", portrait, week, month, createdAt, createdAt, NOW);
    Instant offered = NOW.minus(Duration.ofDays(2));
    History history = new History(List.of(new PastSuggestion("coupon", ContentKind.OFFER, List.of(), offered, true,
        Outcome.POSTED, offered, NOW)), NOW, portrait.getTimezone());

    List<String> fired = RuleStage.NEEDS.run(rules.kieBase(), List.of(group, history), RuleLimits.DEFAULT).outcomes().stream()
        .map(RuleOutcome::getRule).toList();

    assertThat(fired).containsExactlyInAnyOrder("level", "band", "trend", "last 7 days", "last 28 days",
        "sentiment", "stage", "age", "offer this week", "never an activity", "attribute", "koc listed");
  }
}

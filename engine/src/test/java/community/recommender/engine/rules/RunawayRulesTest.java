package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A rule set that never settles fails the one decision, with a message naming the rule. */
class RunawayRulesTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final RuleSource ECHO = new RuleSource("echo.drl", """
      package playbook.echo
      import community.recommender.engine.model.*
      ruleflow-group "needs"

      rule "Start talking"
      when
          Group()
      then
          insert( new Note("hello") );
      end

      rule "Echo every note"
      when
          $n : Note()
      then
          insert( new Note($n.getMessage() + "!") );
      end
      """);
  private static final Group GROUP = Group.assess("g", Portrait.named("g").memberCount(10).build(),
      ActivityCounts.NONE, ActivityCounts.NONE, NOW, null, NOW);

  @Test
  void endlessRetriggering_hitsTheFiringLimit() throws Exception {
    DecisionPipeline pipeline = pipeline(new RuleLimits(500, Duration.ofSeconds(30)));

    assertThatThrownBy(() -> pipeline.decide(GROUP, List.of(), NOW))
        .isInstanceOf(RunawayRulesException.class)
        .hasMessageContaining("fired more than 500 times without settling")
        .hasMessageContaining("Echo every note");
  }

  @Test
  void slowRuleSet_hitsTheTimeBudget() throws Exception {
    DecisionPipeline pipeline = pipeline(new RuleLimits(Integer.MAX_VALUE, Duration.ofMillis(20)));

    assertThatThrownBy(() -> pipeline.decide(GROUP, List.of(), NOW))
        .isInstanceOf(RunawayRulesException.class)
        .hasMessageContaining("ran past their 20 ms budget");
  }

  @Test
  void afterARunawayDecision_theNextOneStillWorks() throws Exception {
    RuleBook book = new RuleBook();
    book.activate(book.compile(List.of(new RuleSource("quiet.drl", """
        package playbook.quiet
        import community.recommender.engine.model.*
        ruleflow-group "needs"
        rule "Say one thing"
        when
            Group()
        then
            insert( new Note("once") );
        end
        """))), 2);
    DecisionPipeline runaway = pipeline(new RuleLimits(100, Duration.ofSeconds(30)));
    DecisionPipeline sane = new DecisionPipeline(book, query -> List.of());

    assertThatThrownBy(() -> runaway.decide(GROUP, List.of(), NOW)).isInstanceOf(RunawayRulesException.class);
    assertThat(sane.decide(GROUP, List.of(), NOW).firedRules()).containsExactly("Say one thing");
  }

  private static DecisionPipeline pipeline(RuleLimits limits) throws RuleCompilationException {
    RuleBook book = new RuleBook();
    book.activate(book.compile(List.of(ECHO)), 1);
    return new DecisionPipeline(book, query -> List.of(), limits);
  }
}

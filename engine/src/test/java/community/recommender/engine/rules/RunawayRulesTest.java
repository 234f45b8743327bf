package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import community.recommender.engine.rules.sandbox.Allowlist;
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
    DecisionPipeline pipeline = pipeline(new RuleLimits(500, 100_000, Duration.ofSeconds(30)));

    assertThatThrownBy(() -> pipeline.decide(GROUP, List.of(), NOW))
        .isInstanceOf(RunawayRulesException.class)
        .hasMessageContaining("fired more than 500 times without settling")
        .hasMessageContaining("Echo every note");
  }

  @Test
  void slowRuleSet_hitsTheTimeBudget() throws Exception {
    DecisionPipeline pipeline = pipeline(new RuleLimits(Integer.MAX_VALUE, Integer.MAX_VALUE, Duration.ofMillis(20)));

    assertThatThrownBy(() -> pipeline.decide(GROUP, List.of(), NOW))
        .isInstanceOf(RunawayRulesException.class)
        .hasMessageContaining("20 ms budget");
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
    DecisionPipeline runaway = pipeline(new RuleLimits(100, 100_000, Duration.ofSeconds(30)));
    DecisionPipeline sane = new DecisionPipeline(book, query -> List.of());

    assertThatThrownBy(() -> runaway.decide(GROUP, List.of(), NOW)).isInstanceOf(RunawayRulesException.class);
    assertThat(sane.decide(GROUP, List.of(), NOW).firedRules()).containsExactly("Say one thing");
  }

  @Test
  void ruleThatInsertsTooManyFacts_isStoppedInsideItsConsequence() throws Exception {
    StringBuilder flood = new StringBuilder();
    for (int i = 0; i < 50; i++) {
      flood.append("    insert( Need.of(ContentKind.POST).urgency(").append(i).append(") );\n");
    }
    RuleBook book = new RuleBook();
    book.activate(book.compile(List.of(new RuleSource("flood.drl", """
        package playbook.flood
        import community.recommender.engine.model.*
        ruleflow-group "needs"
        rule "Flood the needs"
        when
            Group()
        then
        %send
        """.formatted(flood)))), 1);
    DecisionPipeline pipeline = new DecisionPipeline(book, query -> List.of(), new RuleLimits(1_000, 20, Duration.ofSeconds(30)));

    assertThatThrownBy(() -> pipeline.decide(GROUP, List.of(), NOW))
        .isInstanceOfSatisfying(RunawayRulesException.class, e -> assertThat(e.rule()).isEqualTo("Flood the needs"))
        .hasMessageContaining("inserted more than 20 facts");
  }

  @Test
  void consequenceThatNeverReturns_answersAtTheDeadline_andTheNextDecisionRuns() throws Exception {
    // The standard allowlist refuses Thread.sleep; this one lets a blocking consequence through to
    // show that the deadline holds even if something slow ever gets past the sandbox.
    RuleBook book = new RuleBook(RuleSetLimits.DEFAULT, Allowlist.standard().with("java.lang.Thread", "sleep"));
    book.activate(book.compile(List.of(new RuleSource("stuck.drl", """
        package playbook.stuck
        import community.recommender.engine.model.*
        ruleflow-group "needs"
        rule "Wait forever for a stuck group"
        when
            Group( id == "stuck" )
        then
            Thread.sleep(5000);
        end
        rule "Say hello"
        when
            Group( id != "stuck" )
        then
            insert( new Note("hello") );
        end
        """))), 1);
    DecisionPipeline pipeline = new DecisionPipeline(book, query -> List.of(), new RuleLimits(1_000, 1_000, Duration.ofMillis(200)));
    Group stuck = Group.assess("stuck", Portrait.named("stuck").memberCount(10).build(), ActivityCounts.NONE,
        ActivityCounts.NONE, NOW, null, NOW);

    assertThatThrownBy(() -> pipeline.decide(stuck, List.of(), NOW))
        .isInstanceOfSatisfying(RunawayRulesException.class, e -> assertThat(e.rule()).isEqualTo("Wait forever for a stuck group"))
        .hasMessageContaining("200 ms budget");
    assertThat(book.runner().stuck()).singleElement()
        .satisfies(o -> assertThat(o.what()).contains("stuck").contains("Wait forever for a stuck group"));
    assertThat(pipeline.decide(GROUP, List.of(), NOW).firedRules()).containsExactly("Say hello");
  }

  private static DecisionPipeline pipeline(RuleLimits limits) throws RuleCompilationException {
    RuleBook book = new RuleBook();
    book.activate(book.compile(List.of(ECHO)), 1);
    return new DecisionPipeline(book, query -> List.of(), limits);
  }
}

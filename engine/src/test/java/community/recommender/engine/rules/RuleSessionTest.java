package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Note;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.ScoreAdjustment;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One session runs a decision's stages; each stage sees the shared facts and its own, and nothing an earlier stage left. */
class RuleSessionTest {
  private static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
  private static final RuleSource LOOKING = new RuleSource("looking.drl", """
      package playbook.looking
      import community.recommender.engine.model.*

      rule "Note the group in stage one" ruleflow-group "needs"
      when
          Group()
      then
          insert( new Note("needs saw the group") );
      end

      rule "Score every candidate" ruleflow-group "candidates"
      when
          Group()
          $c : Candidate()
      then
          insert( new ScoreAdjustment($c, 1, "seen") );
      end

      rule "See stage one's note" ruleflow-group "candidates"
      when
          $c : Candidate()
          Note( message == "needs saw the group" )
      then
          insert( new ScoreAdjustment($c, 10, "saw stage one's note") );
      end

      rule "See another candidate" ruleflow-group "candidates"
      when
          $c : Candidate()
          $other : Candidate( this != $c )
      then
          insert( new ScoreAdjustment($c, 100, "saw " + $other.getId()) );
      end
      """);
  private static final Group GROUP = Group.assess("g", Portrait.named("g").memberCount(10).build(),
      ActivityCounts.NONE, ActivityCounts.NONE, NOW, null, NOW);

  @Test
  void eachStage_seesTheSharedFactsAndItsOwn_butNothingAnEarlierStageLeft() throws Exception {
    RuleBook book = new RuleBook();
    CompiledRules rules = book.compile(List.of(LOOKING));
    Need need = Need.of(ContentKind.POST).urgency(50).because("test");

    try (RuleSession session = new RuleSession(rules.kieBase(), List.of(GROUP), RuleLimits.DEFAULT,
        new RuleWatch(System.nanoTime() + RuleLimits.DEFAULT.timeBudget().toNanos()))) {
      StageResult needs = session.run(RuleStage.NEEDS, List.of());
      StageResult firstPage = session.run(RuleStage.CANDIDATES, List.of(need, candidate("a", need)));
      StageResult secondPage = session.run(RuleStage.CANDIDATES, List.of(need, candidate("b", need)));

      assertThat(needs.only(Note.class)).extracting(Note::getMessage).containsExactly("needs saw the group");
      assertThat(reasons(firstPage)).containsExactly("seen");
      assertThat(reasons(secondPage)).containsExactly("seen");
      assertThat(secondPage.only(ScoreAdjustment.class).get(0).getCandidate().getId()).isEqualTo("b");
      assertThat(secondPage.firedRules()).containsExactly("Score every candidate");
    }
  }

  @Test
  void pooledSession_isResetWhenHandedBack_andTheNextDecisionSeesOnlyItsOwnFacts() throws Exception {
    CompiledRules rules = new RuleBook().compile(List.of(LOOKING));
    SessionPool pool = new SessionPool(rules.kieBase());
    Need need = Need.of(ContentKind.POST).urgency(50).because("test");

    try (RuleSession first = new RuleSession(pool, List.of(GROUP), RuleLimits.DEFAULT, watch())) {
      first.run(RuleStage.NEEDS, List.of());
      first.run(RuleStage.CANDIDATES, List.of(need, candidate("a", need)));
    }
    assertThat(pool.idle()).isEqualTo(1);
    StageResult page;
    try (RuleSession second = new RuleSession(pool, List.of(GROUP), RuleLimits.DEFAULT, watch())) {
      assertThat(pool.idle()).isZero();
      page = second.run(RuleStage.CANDIDATES, List.of(need, candidate("b", need)));
    }

    assertThat(reasons(page)).containsExactly("seen");
    assertThat(page.only(ScoreAdjustment.class).get(0).getCandidate().getId()).isEqualTo("b");
    assertThat(pool.idle()).isEqualTo(1);
  }

  @Test
  void pooledSession_whoseStageRanAway_isNotHandedBack() throws Exception {
    CompiledRules rules = new RuleBook().compile(List.of(LOOKING));
    SessionPool pool = new SessionPool(rules.kieBase());
    Need need = Need.of(ContentKind.POST).urgency(50).because("test");
    RuleLimits oneFiring = new RuleLimits(1, 1_000, RuleLimits.DEFAULT.timeBudget());

    try (RuleSession session = new RuleSession(pool, List.of(GROUP), oneFiring, watch())) {
      assertThatThrownBy(() -> session.run(RuleStage.CANDIDATES, List.of(need, candidate("a", need), candidate("b", need))))
          .isInstanceOf(RunawayRulesException.class);
    }

    assertThat(pool.idle()).isZero();
    try (RuleSession next = new RuleSession(pool, List.of(GROUP), RuleLimits.DEFAULT, watch())) {
      assertThat(reasons(next.run(RuleStage.CANDIDATES, List.of(need, candidate("c", need))))).containsExactly("seen");
    }
  }

  private static RuleWatch watch() {
    return new RuleWatch(System.nanoTime() + RuleLimits.DEFAULT.timeBudget().toNanos());
  }

  private static Candidate candidate(String id, Need need) {
    return new Candidate(ContentItem.builder(id, ContentKind.POST, id).build(), need, 1.0);
  }

  private static List<String> reasons(StageResult stage) {
    return stage.only(ScoreAdjustment.class).stream().map(ScoreAdjustment::getReason).toList();
  }
}

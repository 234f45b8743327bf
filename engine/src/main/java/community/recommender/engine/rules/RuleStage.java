package community.recommender.engine.rules;

import community.recommender.engine.model.RuleOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;

/**
 * Runs one stage of a decision: the rules of one ruleflow group over a set of facts.
 *
 * <p>Each rule file declares its stage at the top with {@code ruleflow-group "needs"} or
 * {@code ruleflow-group "candidates"}; only that stage's rules fire here.
 */
public final class RuleStage {
  /** The stage whose single rule states the playbook's settings; it reads no facts. */
  public static final RuleStage SETTINGS = new RuleStage("settings");

  /** The stage whose rules derive a group's needs, or hold it back. */
  public static final RuleStage NEEDS = new RuleStage("needs");

  /** The stage whose rules veto and score candidates. */
  public static final RuleStage CANDIDATES = new RuleStage("candidates");

  private final String name;

  private RuleStage(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Fires this stage's rules over {@code facts} within {@code limits}; a runaway stage throws. */
  public StageResult run(KieBase kieBase, Collection<?> facts, RuleLimits limits) {
    KieSession session = kieBase.newKieSession();
    try {
      Watch watch = new Watch(session, limits);
      session.addEventListener(new OutcomeAttribution());
      session.addEventListener(watch);
      facts.forEach(session::insert);
      session.getAgenda().getAgendaGroup(name).setFocus();
      int fired = session.fireAllRules(limits.maxFirings());
      if (watch.overTime) {
        throw new RunawayRulesException("the '" + name + "' rules ran past their " + limits.timeBudget().toMillis()
            + " ms budget after " + fired + " firings (last rule: '" + watch.lastRule() + "')");
      }
      if (fired >= limits.maxFirings()) {
        throw new RunawayRulesException("the '" + name + "' rules fired more than " + limits.maxFirings() + " times without settling (last rule: '"
            + watch.lastRule() + "'); a rule probably re-triggers itself");
      }
      List<RuleOutcome> outcomes = new ArrayList<>();
      for (Object fact : session.getObjects(RuleOutcome.class::isInstance)) {
        outcomes.add((RuleOutcome) fact);
      }
      return new StageResult(outcomes, watch.fired.stream().distinct().sorted().toList());
    } finally {
      session.dispose();
    }
  }

  /** Remembers which rule inserted each outcome, so that explanations name real rules. */
  private static final class OutcomeAttribution extends DefaultRuleRuntimeEventListener {
    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getRule() != null && event.getObject() instanceof RuleOutcome outcome) {
        outcome.attributeTo(event.getRule().getName());
      }
    }
  }

  /** Records the rules that fired, and halts the session once it runs past its time budget. */
  private static final class Watch extends DefaultAgendaEventListener {
    private final KieSession session;
    private final long deadline;
    private final List<String> fired = new ArrayList<>();
    private boolean overTime;

    Watch(KieSession session, RuleLimits limits) {
      this.session = session;
      this.deadline = System.nanoTime() + limits.timeBudget().toNanos();
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      fired.add(event.getMatch().getRule().getName());
      if (System.nanoTime() > deadline) {
        overTime = true;
        session.halt();
      }
    }

    String lastRule() {
      return fired.isEmpty() ? "" : fired.get(fired.size() - 1);
    }
  }
}

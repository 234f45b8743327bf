package community.recommender.engine.rules;

import community.recommender.engine.model.RuleOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * Runs one stage of a decision: the rules of one ruleflow group over a set of facts.
 *
 * <p>Each rule file declares its stage at the top with {@code ruleflow-group "needs"} or
 * {@code ruleflow-group "candidates"}; only that stage's rules fire here. A stage that fires too
 * often, inserts too many facts or runs past the decision's deadline is stopped and throws
 * {@link RunawayRulesException} naming the rule.
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

  /** Fires this stage's rules over {@code facts} within {@code limits}, with the stage's own deadline. */
  public StageResult run(KieBase kieBase, Collection<?> facts, RuleLimits limits) {
    return run(kieBase, facts, limits, new RuleWatch(System.nanoTime() + limits.timeBudget().toNanos()));
  }

  /** Fires this stage's rules over {@code facts} within {@code limits}, reporting progress to {@code watch}. */
  public StageResult run(KieBase kieBase, Collection<?> facts, RuleLimits limits, RuleWatch watch) {
    KieSession session = kieBase.newKieSession();
    try {
      Guard guard = new Guard(session, limits, watch);
      session.addEventListener(guard.inserts);
      session.addEventListener(guard);
      facts.forEach(session::insert);
      guard.inserts.counting = true;
      session.getAgenda().getAgendaGroup(name).setFocus();
      int fired;
      try {
        fired = session.fireAllRules(limits.maxFirings());
      } catch (ConsequenceException e) {
        if (e.getCause() instanceof RunawayRulesException runaway) {
          throw runaway;
        }
        throw e;
      }
      if (guard.overTime) {
        throw new RunawayRulesException(watch.lastRule(), "the '" + name + "' rules ran past the decision's "
            + limits.timeBudget().toMillis() + " ms budget after " + fired + " firings (last rule: '" + watch.lastRule() + "')");
      }
      if (fired >= limits.maxFirings()) {
        throw new RunawayRulesException(watch.lastRule(), "the '" + name + "' rules fired more than " + limits.maxFirings()
            + " times without settling (last rule: '" + watch.lastRule() + "'); a rule probably re-triggers itself");
      }
      List<RuleOutcome> outcomes = new ArrayList<>();
      for (Object fact : session.getObjects(RuleOutcome.class::isInstance)) {
        outcomes.add((RuleOutcome) fact);
      }
      return new StageResult(outcomes, guard.fired.stream().distinct().sorted().toList());
    } finally {
      session.dispose();
    }
  }

  /** Records the rules that fired and halts the session once it runs past its deadline. */
  private final class Guard extends DefaultAgendaEventListener {
    private final KieSession session;
    private final RuleWatch watch;
    private final List<String> fired = new ArrayList<>();
    private final Inserts inserts;
    private boolean overTime;

    Guard(KieSession session, RuleLimits limits, RuleWatch watch) {
      this.session = session;
      this.watch = watch;
      this.inserts = new Inserts(limits, watch);
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
      watch.firing(event.getMatch().getRule().getName());
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
      fired.add(event.getMatch().getRule().getName());
      watch.fired();
      if (watch.pastDeadline()) {
        overTime = true;
        session.halt();
      }
    }
  }

  /**
   * Names the rule behind each outcome, and stops a consequence that inserts too many facts or
   * runs past the deadline: it throws from inside the insert, so the consequence ends there.
   */
  private final class Inserts extends DefaultRuleRuntimeEventListener {
    private final int max;
    private final long budgetMillis;
    private final RuleWatch watch;
    private int count;
    private boolean counting;

    Inserts(RuleLimits limits, RuleWatch watch) {
      this.max = limits.maxInsertedFacts();
      this.budgetMillis = limits.timeBudget().toMillis();
      this.watch = watch;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getRule() != null && event.getObject() instanceof RuleOutcome outcome) {
        outcome.attributeTo(event.getRule().getName());
      }
      if (!counting) {
        return;
      }
      if (++count > max) {
        String rule = event.getRule() == null ? watch.lastRule() : event.getRule().getName();
        throw new RunawayRulesException(rule, "the '" + name + "' rules inserted more than " + max
            + " facts (rule: '" + rule + "')");
      }
      if (watch.pastDeadline()) {
        throw new RunawayRulesException(watch.lastRule(), "the '" + name + "' rules ran past the decision's " + budgetMillis
            + " ms budget inside rule '" + watch.lastRule() + "'");
      }
    }
  }
}

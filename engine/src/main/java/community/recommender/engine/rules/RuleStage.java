package community.recommender.engine.rules;

import community.recommender.engine.model.RuleOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;
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
  /** The stage whose rules derive a group's needs. */
  public static final RuleStage NEEDS = new RuleStage("needs");

  /** The stage whose rules veto and score candidates. */
  public static final RuleStage CANDIDATES = new RuleStage("candidates");

  private static final int FIRING_LIMIT = 10_000;

  private final String name;

  private RuleStage(String name) {
    this.name = name;
  }

  public String name() {
    return name;
  }

  /** Fires this stage's rules over {@code facts} and returns the outcomes they inserted. */
  public List<RuleOutcome> run(KieBase kieBase, Collection<?> facts) {
    KieSession session = kieBase.newKieSession();
    try {
      session.addEventListener(new OutcomeAttribution());
      facts.forEach(session::insert);
      session.getAgenda().getAgendaGroup(name).setFocus();
      int fired = session.fireAllRules(FIRING_LIMIT);
      if (fired >= FIRING_LIMIT) {
        throw new RuleFiringLimitException(name, FIRING_LIMIT);
      }
      List<RuleOutcome> outcomes = new ArrayList<>();
      for (Object fact : session.getObjects(RuleOutcome.class::isInstance)) {
        outcomes.add((RuleOutcome) fact);
      }
      return outcomes;
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
}

package community.recommender.engine.rules;

import java.util.Collection;
import java.util.List;
import org.kie.api.KieBase;

/**
 * One stage of a decision: the rules of one ruleflow group.
 *
 * <p>Each rule file declares its stage at the top with {@code ruleflow-group "needs"} or
 * {@code ruleflow-group "candidates"}; only that stage's rules fire in it. A decision runs its stages
 * one after another in one {@link RuleSession}; a stage that fires too often, inserts too many facts
 * or runs past the decision's deadline is stopped and throws {@link RunawayRulesException} naming the
 * rule.
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

  /** Fires this stage's rules alone over {@code facts} within {@code limits}, reporting progress to {@code watch}. */
  public StageResult run(KieBase kieBase, Collection<?> facts, RuleLimits limits, RuleWatch watch) {
    try (RuleSession session = new RuleSession(kieBase, facts, limits, watch)) {
      return session.run(this, List.of());
    }
  }
}

package community.recommender.engine.rules;

import community.recommender.engine.model.RuleOutcome;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.DefaultRuleRuntimeEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.api.runtime.rule.FactHandle;

/**
 * One decision's rules, in one session: the facts every stage reads are inserted once, and each
 * {@link RuleStage} then fires over them plus facts of its own.
 *
 * <p>A stage leaves nothing behind: its own facts and every fact its rules inserted are taken out
 * again once it has fired, so each stage sees what a fresh session holding the shared facts and its
 * own would see, without paying to build that session and match the shared facts again. Every
 * stage runs within the limits (firings and inserted facts per stage, the decision's deadline even
 * inside one consequence) and throws {@link RunawayRulesException} naming the rule past them.
 *
 * <p>A session may come from a {@link SessionPool}: closing it then hands it back, reset, for the next
 * decision, unless a stage stopped half-way in it, in which case it is disposed of.
 */
public final class RuleSession implements AutoCloseable {
  /** Where the session goes back to when closed, or null for a session of its own. */
  private final SessionPool pool;
  private final KieSession session;
  private final RuleLimits limits;
  private final RuleWatch watch;
  private final Guard guard;
  private final Inserts inserts;
  /** What the last stage added (its own facts and what its rules inserted), taken out when the next one runs. */
  private final Set<FactHandle> leftOver = new LinkedHashSet<>();
  /** Whether a stage stopped half-way (ran away or threw): such a session is never reused. */
  private boolean failed;

  /** A new session over {@code kieBase} holding {@code shared}, reporting progress to {@code watch}. */
  public RuleSession(KieBase kieBase, Collection<?> shared, RuleLimits limits, RuleWatch watch) {
    this(null, kieBase.newKieSession(), shared, limits, watch);
  }

  /**
   * A session taken from {@code sessions} holding {@code shared}, reporting progress to {@code watch}; it
   * goes back to the pool when closed, unless a stage failed in it.
   */
  public RuleSession(SessionPool sessions, Collection<?> shared, RuleLimits limits, RuleWatch watch) {
    this(sessions, sessions.take(), shared, limits, watch);
  }

  private RuleSession(SessionPool pool, KieSession session, Collection<?> shared, RuleLimits limits, RuleWatch watch) {
    this.pool = pool;
    this.session = session;
    this.limits = limits;
    this.watch = watch;
    this.guard = new Guard();
    this.inserts = new Inserts();
    try {
      session.addEventListener((org.kie.api.event.rule.RuleRuntimeEventListener) inserts);
      session.addEventListener((org.kie.api.event.rule.AgendaEventListener) guard);
      shared.forEach(session::insert);
    } catch (RuntimeException | Error e) {
      session.dispose();
      throw e;
    }
  }

  /**
   * Fires {@code stage}'s rules over the shared facts and {@code own}, and returns what they inserted
   * and which rules fired; afterwards the session holds the shared facts alone again.
   */
  public StageResult run(RuleStage stage, Collection<?> own) {
    // The last stage's facts go only now, so the last stage of a decision costs no clearing up.
    List<FactHandle> gone = List.copyOf(leftOver);
    leftOver.clear();
    gone.forEach(session::delete);
    for (Object fact : own) {
      leftOver.add(session.insert(fact));
    }
    inserts.begin(stage);
    guard.begin();
    boolean settled = false;
    try {
      session.getAgenda().getAgendaGroup(stage.name()).setFocus();
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
        throw new RunawayRulesException(watch.lastRule(), "the '" + stage.name() + "' rules ran past the decision's "
            + limits.timeBudget().toMillis() + " ms budget after " + fired + " firings (last rule: '"
            + watch.lastRule() + "')");
      }
      if (fired >= limits.maxFirings()) {
        throw new RunawayRulesException(watch.lastRule(), "the '" + stage.name() + "' rules fired more than "
            + limits.maxFirings() + " times without settling (last rule: '" + watch.lastRule()
            + "'); a rule probably re-triggers itself");
      }
      List<RuleOutcome> outcomes = new ArrayList<>();
      for (FactHandle handle : inserts.handles) {
        if (session.getObject(handle) instanceof RuleOutcome outcome) {
          outcomes.add(outcome);
        }
      }
      leftOver.addAll(inserts.handles);
      settled = true;
      return new StageResult(outcomes, guard.fired.stream().distinct().sorted().toList());
    } finally {
      // After a runaway stage the session is only closed, so what it holds is never cleared.
      inserts.end();
      inserts.handles.clear();
      failed |= !settled;
    }
  }

  /** Hands the session back to its pool, or disposes of it for good when a stage failed in it. */
  @Override
  public void close() {
    if (pool == null || failed) {
      session.dispose();
    } else {
      pool.handBack(session);
    }
  }

  /** Records the rules that fire and halts the session once it runs past its deadline. */
  private final class Guard extends DefaultAgendaEventListener {
    private final List<String> fired = new ArrayList<>();
    private boolean overTime;

    void begin() {
      fired.clear();
      overTime = false;
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
   * Keeps what a stage's rules insert, names the rule behind each outcome, and stops a consequence
   * that inserts too many facts or runs past the deadline: it throws from inside the insert, so the
   * consequence ends there.
   */
  private final class Inserts extends DefaultRuleRuntimeEventListener {
    /** What the running stage's rules inserted and have not deleted, in the order they inserted it. */
    private final Set<FactHandle> handles = new LinkedHashSet<>();
    private String stage;
    private int count;

    void begin(RuleStage running) {
      stage = running.name();
      count = 0;
    }

    void end() {
      stage = null;
    }

    @Override
    public void objectInserted(ObjectInsertedEvent event) {
      if (event.getRule() != null && event.getObject() instanceof RuleOutcome outcome) {
        outcome.attributeTo(event.getRule().getName());
      }
      if (stage == null) {
        return;
      }
      handles.add(event.getFactHandle());
      if (++count > limits.maxInsertedFacts()) {
        String rule = event.getRule() == null ? watch.lastRule() : event.getRule().getName();
        throw new RunawayRulesException(rule, "the '" + stage + "' rules inserted more than "
            + limits.maxInsertedFacts() + " facts (rule: '" + rule + "')");
      }
      if (watch.pastDeadline()) {
        throw new RunawayRulesException(watch.lastRule(), "the '" + stage + "' rules ran past the decision's "
            + limits.timeBudget().toMillis() + " ms budget inside rule '" + watch.lastRule() + "'");
      }
    }

    /** A fact that a rule deleted is not deleted again. */
    @Override
    public void objectDeleted(ObjectDeletedEvent event) {
      handles.remove(event.getFactHandle());
      leftOver.remove(event.getFactHandle());
    }
  }
}

package community.recommender.web.application.playbook;

import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.Group;
import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.store.Futures;
import community.recommender.web.store.GroupStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a freshly compiled rule set on a few real groups before it serves, on the thread that compiled
 * it, so that the first polls after a swap do not pay for loading and warming its generated classes.
 * Nothing it decides is stored.
 */
public final class RuleWarmUp {
  private static final Logger LOG = LoggerFactory.getLogger(RuleWarmUp.class);
  /** Groups decided per warm-up: enough to load every stage's classes, few enough to take milliseconds. */
  static final int SAMPLE = 12;
  /** Rounds over the sample: the JIT compiles what runs often. */
  static final int ROUNDS = 3;

  private final GroupStore groups;
  private final DecisionPipeline pipeline;
  private final Clock clock;

  public RuleWarmUp(GroupStore groups, DecisionPipeline pipeline, Clock clock) {
    this.groups = groups;
    this.pipeline = pipeline;
    this.clock = clock;
  }

  /** Decides the sample under {@code rules}; blocks, so it runs on a worker. A failure only skips the warm-up. */
  public void warm(CompiledRules rules) {
    Instant now = clock.instant();
    try {
      List<Group> sample = Futures.await(groups.readAfter("", SAMPLE, now));
      RuleSet set = new RuleSet(0, rules);
      for (int round = 0; round < ROUNDS; round++) {
        for (Group group : sample) {
          pipeline.decide(group, List.of(), now, set);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("cannot warm up a new rule set; it serves cold", e);
    }
  }
}

package community.recommender.web.application.suggestions;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RunawayRulesException;
import community.recommender.web.application.Workers;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the decision pipeline for one group under the active rules, on the decision workers and
 * timed; a runaway rule set fails that one decision with {@link DecisionFailed}.
 */
public final class Decider {
  private static final Logger LOG = LoggerFactory.getLogger(Decider.class);

  private final RuleBook book;
  private final DecisionPipeline pipeline;
  private final Workers workers;
  private final DecisionTimer timer;

  public Decider(RuleBook book, DecisionPipeline pipeline, Workers workers, DecisionTimer timer) {
    this.book = book;
    this.pipeline = pipeline;
    this.workers = workers;
    this.timer = timer;
  }

  /** The version of the rule set decisions run under now. */
  public long activeVersion() {
    return book.active().version();
  }

  /** Decides what {@code group} should get at {@code now}, given what it was sent before. */
  public Future<Decision> decide(Group group, List<PastSuggestion> past, Instant now) {
    return decide(group, past, ExternalSends.NONE, now);
  }

  /** As {@link #decide(Group, List, Instant)}, counting what other senders sent against the group's quotas. */
  public Future<Decision> decide(Group group, List<PastSuggestion> past, ExternalSends external, Instant now) {
    return workers.run(() -> {
      try {
        return timer.time(() -> pipeline.decide(group, past, external, now));
      } catch (RunawayRulesException e) {
        LOG.warn("decision for group {} failed", group.getId(), e);
        throw new DecisionFailed("the active rule set failed this decision: " + e.getMessage(), e);
      }
    });
  }
}

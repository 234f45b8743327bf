package community.recommender.web.decision;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Suggestion;
import community.recommender.engine.rules.RuleBook;
import community.recommender.web.api.ApiError;
import community.recommender.web.store.PgGroupStore;
import community.recommender.web.store.PgSuggestionStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers a group's next suggestion: its pending one while the rules that made it still serve,
 * otherwise a fresh decision, stored as the new pending one.
 */
public final class SuggestionService {
  private final PgGroupStore groups;
  private final PgSuggestionStore suggestions;
  private final RuleBook ruleBook;
  private final DecisionPipeline pipeline;
  private final WorkerExecutor decisions;
  private final Clock clock;

  public SuggestionService(PgGroupStore groups, PgSuggestionStore suggestions, RuleBook ruleBook,
      DecisionPipeline pipeline, WorkerExecutor decisions, Clock clock) {
    this.groups = groups;
    this.suggestions = suggestions;
    this.ruleBook = ruleBook;
    this.pipeline = pipeline;
    this.decisions = decisions;
    this.clock = clock;
  }

  /** The suggestion for {@code groupId}, or empty when nothing suits the group now. */
  public Future<Optional<Suggestion>> next(String groupId) {
    Instant now = clock.instant();
    return groups.find(groupId, now).compose(found -> {
      Group group = found.orElseThrow(() -> ApiError.notFound("no group '" + groupId + "'"));
      long activeVersion = ruleBook.active().version();
      return suggestions.pending(groupId).compose(pending -> {
        if (pending.isPresent() && pending.get().ruleSetVersion() == activeVersion) {
          return Future.succeededFuture(pending);
        }
        // Rules and retrieval block: they run on the decision workers, never on an event loop.
        return decisions.executeBlocking(() -> pipeline.decide(group, now), false)
            .compose(decision -> store(group, decision, now));
      });
    });
  }

  private Future<Optional<Suggestion>> store(Group group, Decision decision, Instant now) {
    if (decision.winner().isEmpty()) {
      return Future.succeededFuture(Optional.empty());
    }
    Suggestion suggestion = new Suggestion(UUID.randomUUID().toString(), group.getId(), decision.winner().get(),
        decision.score(), decision.reasons(), decision.ruleSetVersion(), now);
    return suggestions.replacePending(suggestion).map(Optional::of);
  }
}

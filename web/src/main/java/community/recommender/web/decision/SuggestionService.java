package community.recommender.web.decision;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Suggestion;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RunawayRulesException;
import community.recommender.web.api.ApiError;
import community.recommender.web.json.DecisionJson;
import community.recommender.web.store.PgGroupStore;
import community.recommender.web.store.PgSuggestionStore;
import io.vertx.core.Future;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a group's next suggestion: its pending one while the rules that made it still serve,
 * otherwise a fresh decision over the group's recent history, stored as the new pending one.
 */
public final class SuggestionService {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionService.class);

  /** How far back rules see what a group was sent. */
  private static final Duration HISTORY = Duration.ofDays(90);

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

  /** What {@code groupId} should get next. */
  public Future<SuggestionAnswer> next(String groupId) {
    Instant now = clock.instant();
    return groups.find(groupId, now).compose(found -> {
      Group group = found.orElseThrow(() -> ApiError.notFound("no group '" + groupId + "'"));
      long activeVersion = ruleBook.active().version();
      return suggestions.pending(groupId).compose(pending -> {
        if (pending.isPresent() && pending.get().suggestion().ruleSetVersion() == activeVersion) {
          return Future.succeededFuture(pending.get());
        }
        return suggestions.history(groupId, now.minus(HISTORY), now)
            .compose(past -> decisions.executeBlocking(() -> decide(group, past, now), false))
            .compose(decision -> answer(group, decision, now));
      });
    });
  }

  /** Rules and retrieval block: this runs on the decision workers, never on an event loop. */
  private Decision decide(Group group, java.util.List<community.recommender.engine.model.PastSuggestion> past,
      Instant now) {
    try {
      return pipeline.decide(group, past, now);
    } catch (RunawayRulesException e) {
      LOG.warn("decision for group {} failed: {}", group.getId(), e.getMessage());
      throw ApiError.ruleFailure("the active rule set failed this decision: " + e.getMessage());
    }
  }

  private Future<SuggestionAnswer> answer(Group group, Decision decision, Instant now) {
    JsonObject explanation = DecisionJson.explanation(decision);
    if (decision.heldUntil().isPresent()) {
      return Future.succeededFuture(new SuggestionAnswer.Held(decision.heldUntil().get(), decision.reasons()));
    }
    if (decision.winner().isEmpty()) {
      return Future.succeededFuture(new SuggestionAnswer.Nothing(decision.reasons(), explanation));
    }
    Suggestion suggestion = new Suggestion(UUID.randomUUID().toString(), group.getId(), decision.winner().get(),
        decision.score(), decision.reasons(), decision.ruleSetVersion(), now);
    return suggestions.replacePending(suggestion, explanation).map(stored -> stored);
  }
}

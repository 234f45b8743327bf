package community.recommender.web.application.playbook;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.History;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import community.recommender.web.application.Workers;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shows what a proposed rule set would change before anyone activates it: every group's next
 * suggestion under the active set and under the proposal, side by side. Nothing is stored.
 */
public final class RuleSimulation {

  private final RuleService rules;
  private final GroupStore groups;
  private final SuggestionStore suggestions;
  private final DecisionPipeline pipeline;
  private final Workers workers;
  private final Clock clock;

  public RuleSimulation(RuleService rules, GroupStore groups, SuggestionStore suggestions,
      DecisionPipeline pipeline, Workers workers, Clock clock) {
    this.rules = rules;
    this.groups = groups;
    this.suggestions = suggestions;
    this.pipeline = pipeline;
    this.workers = workers;
    this.clock = clock;
  }

  /** Compares the active set with the active set plus {@code changes} (a null text removes a file). */
  public Future<JsonObject> simulate(Map<String, String> changes) {
    Instant now = clock.instant();
    RuleSet current = rules.active();
    return rules.compile(rules.activeFilesWith(changes))
        .compose(compiled -> groups.list(now).compose(all -> compareAll(all, current, compiled, now)));
  }

  private Future<JsonObject> compareAll(List<Group> all, RuleSet current, CompiledRules compiled, Instant now) {
    RuleSet proposed = new RuleSet(-1, compiled);
    List<Future<JsonObject>> rows = new ArrayList<>();
    for (Group group : all) {
      rows.add(suggestions.history(group.getId(), now.minus(History.WINDOW), now)
          .compose(past -> workers.run(() -> compare(group, past, current, proposed, now))));
    }
    return Future.all(rows).map(done -> {
      JsonArray groupsJson = new JsonArray();
      int changed = 0;
      for (Future<JsonObject> row : rows) {
        groupsJson.add(row.result());
        changed += row.result().getBoolean("changed") ? 1 : 0;
      }
      return new JsonObject()
          .put("activeVersion", current.version())
          .put("groups", groupsJson)
          .put("total", rows.size())
          .put("changed", changed)
          .put("unchanged", rows.size() - changed);
    });
  }

  private JsonObject compare(Group group, List<PastSuggestion> past, RuleSet current, RuleSet proposed, Instant now) {
    JsonObject before = outcome(pipeline.decide(group, past, now, current));
    JsonObject after = outcome(pipeline.decide(group, past, now, proposed));
    return new JsonObject()
        .put("groupId", group.getId())
        .put("name", group.getPortrait().getName())
        .put("current", before)
        .put("proposed", after)
        .put("changed", !Objects.equals(key(before), key(after)));
  }

  private static JsonObject outcome(Decision decision) {
    if (decision.heldUntil().isPresent()) {
      return new JsonObject().put("heldUntil", decision.heldUntil().get().toString())
          .put("rule", decision.reasons().isEmpty() ? null : decision.reasons().get(0).rule());
    }
    return decision.winner()
        .map(item -> new JsonObject().put("contentId", item.getId()).put("kind", item.getKind().name())
            .put("title", item.getTitle()).put("score", decision.score())
            .put("rules", new JsonArray(decision.reasons().stream().map(r -> r.rule()).toList())))
        .orElse(new JsonObject().put("nothing", true));
  }

  private static String key(JsonObject outcome) {
    if (outcome.containsKey("heldUntil")) {
      return "held";
    }
    return outcome.getString("contentId", "nothing");
  }
}

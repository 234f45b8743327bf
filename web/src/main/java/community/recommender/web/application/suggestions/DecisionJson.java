package community.recommender.web.application.suggestions;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DroppedCandidate;
import community.recommender.engine.learning.Draw;
import community.recommender.engine.learning.LearningChoice;
import community.recommender.engine.learning.Segment;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Reason;
import java.util.List;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** Writes why a decision came out as it did: the needs found, the candidates dropped, the rules fired. */
public final class DecisionJson {
  private DecisionJson() {}

  /**
   * The explanation kept with a suggestion and shown with {@code ?explain=true}: with the segment
   * and active members of {@code group} that the post's reward is measured against, and what learning
   * made of the decision.
   */
  public static JsonObject explanation(Decision decision, Group group) {
    JsonArray needs = new JsonArray();
    for (Need need : decision.needs()) {
      needs.add(new JsonObject()
          .put("kind", need.getKind().name())
          .put("tags", new JsonArray(need.getTags()))
          .put("urgency", need.getUrgency())
          .put("rule", need.getRule())
          .put("reason", need.getReason()));
    }
    JsonArray dropped = new JsonArray();
    for (DroppedCandidate candidate : decision.dropped()) {
      dropped.add(new JsonObject()
          .put("content", new JsonObject()
              .put("id", candidate.content().getId())
              .put("kind", candidate.content().getKind().name())
              .put("title", candidate.content().getTitle()))
          .put("vetoes", reasons(candidate.vetoes())));
    }
    JsonArray gaps = new JsonArray();
    for (ContentGap gap : decision.gaps()) {
      gaps.add(new JsonObject()
          .put("kind", gap.kind().name())
          .put("tags", new JsonArray(gap.tags()))
          .put("interests", new JsonArray(gap.interests()))
          .put("language", gap.language())
          .put("region", gap.region())
          .put("rule", gap.rule())
          .put("found", gap.found()));
    }
    JsonObject explanation = new JsonObject()
        .put("needs", needs)
        .put("dropped", dropped)
        .put("firedRules", new JsonArray(decision.firedRules()))
        .put("gaps", gaps);
    if (decision.winner().isPresent()) {
      Segment segment = Segment.of(group);
      explanation.put("segment", new JsonObject()
          .put("stage", segment.stage().name())
          .put("interest", segment.interest())
          .put("activeMembers", Segment.activeMembers(group)));
    }
    decision.learning().ifPresent(choice -> explanation.put("learning", learning(choice)));
    if (!decision.settings().isEmpty()) {
      explanation.put("settings", new JsonObject(new java.util.LinkedHashMap<>(decision.settings())));
    }
    return explanation;
  }

  private static JsonObject learning(LearningChoice choice) {
    JsonArray draws = new JsonArray();
    for (Draw draw : choice.draws()) {
      draws.add(new JsonObject()
          .put("contentId", draw.contentId())
          .put("kind", draw.kind().name())
          .put("posterior", new JsonObject()
              .put("alpha", draw.posterior().alpha())
              .put("beta", draw.posterior().beta())
              .put("mean", draw.posterior().mean())
              .put("posts", draw.posterior().posts())
              .put("basis", draw.posterior().basis().name()))
          .put("explored", draw.explored())
          .put("draw", draw.value())
          .put("bonus", draw.bonus())
          .put("ruleScore", draw.ruleScore())
          .put("total", draw.total()));
    }
    return new JsonObject()
        .put("mode", choice.mode().name())
        .put("seed", Long.toUnsignedString(choice.seed()))
        .put("segment", choice.segment().toString())
        .put("rulesChoice", choice.rulesChoice())
        .put("learningChoice", choice.learningChoice())
        .put("agreed", choice.agreed())
        .put("rulesMean", choice.rulesChoiceMean())
        .put("learningMean", choice.best().posterior().mean())
        .put("draws", draws);
  }

  private static JsonArray reasons(List<Reason> reasons) {
    JsonArray array = new JsonArray();
    reasons.forEach(r -> array.add(new JsonObject().put("rule", r.rule()).put("message", r.message())));
    return array;
  }
}

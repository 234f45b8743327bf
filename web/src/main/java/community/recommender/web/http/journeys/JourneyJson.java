package community.recommender.web.http.journeys;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.journey.Journey;
import community.recommender.engine.journey.JourneyStep;
import community.recommender.engine.model.ContentKind;
import community.recommender.web.application.journeys.JourneyReport;
import community.recommender.web.http.suggestions.SuggestionJson;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Collection;
import java.util.Map;

/** Writes a journey, and a report over many, as the journey endpoints answer them. */
final class JourneyJson {
  private JourneyJson() {}

  /** One group's journey: every decision in order, the holds, stalls, mix of kinds and gaps. */
  static JsonObject journey(Journey journey, String name, int days, long ruleSetVersion) {
    JsonArray steps = new JsonArray();
    journey.steps().forEach(step -> steps.add(step(step)));
    JsonArray stalls = new JsonArray();
    journey.stalls().forEach(step -> stalls.add(step(step)));
    return new JsonObject()
        .put("groupId", journey.groupId())
        .put("name", name)
        .put("from", journey.from().toString())
        .put("until", journey.until().toString())
        .put("days", days)
        .put("ruleSet", ruleSetVersion < 0 ? "proposed" : "active")
        .put("ruleSetVersion", ruleSetVersion < 0 ? null : ruleSetVersion)
        .put("sent", journey.sent().size())
        .put("holds", journey.holds().size())
        .put("stallCount", journey.stalls().size())
        .put("kinds", kinds(journey.kinds()))
        .put("truncated", journey.truncated())
        .put("steps", steps)
        .put("stalls", stalls)
        .put("gaps", gaps(journey.gaps()));
  }

  /** The playbook's health over every journey of {@code report}, with one line per group. */
  static JsonObject report(JourneyReport report) {
    JsonArray groups = new JsonArray();
    for (Journey journey : report.journeys()) {
      groups.add(new JsonObject()
          .put("groupId", journey.groupId())
          .put("name", report.names().get(journey.groupId()))
          .put("sent", journey.sent().size())
          .put("offers", journey.kinds().get(ContentKind.OFFER))
          .put("holds", journey.holds().size())
          .put("stalls", journey.stalls().size())
          .put("firstStallDay", journey.stalls().isEmpty() ? null : journey.stalls().get(0).day())
          .put("kinds", kinds(journey.kinds()))
          .put("gaps", journey.gaps().size()));
    }
    JsonArray gaps = new JsonArray();
    report.gaps().forEach((gap, waiting) -> gaps.add(gap(gap).put("groups", waiting)));
    return new JsonObject()
        .put("from", report.from().toString())
        .put("days", report.days())
        .put("ruleSet", report.ruleSetVersion() < 0 ? "proposed" : "active")
        .put("groupCount", report.journeys().size())
        .put("page", report.page())
        .put("pageSize", report.pageSize())
        .put("total", report.total())
        .put("next", report.next().isPresent() ? report.next().getAsInt() : null)
        .put("stalls", report.stalls())
        .put("stalledGroups", new JsonArray(report.stalled().stream().map(Journey::groupId).toList()))
        .put("offersPerGroupMonth", Math.round(report.offersPerGroupMonth() * 100) / 100.0)
        .put("kinds", kinds(report.kinds()))
        .put("gaps", gaps)
        .put("groups", groups);
  }

  private static JsonObject step(JourneyStep step) {
    JsonObject json = new JsonObject()
        .put("day", step.day())
        .put("at", step.at().toString())
        .put("outcome", step.outcome().name())
        .put("reasons", SuggestionJson.reasons(step.reasons()));
    if (step.outcome() == JourneyStep.Outcome.SENT) {
      json.put("kind", step.kind().name())
          .put("content", new JsonObject().put("id", step.contentId()).put("title", step.title()));
    } else {
      json.put("until", step.until() == null ? null : step.until().toString());
    }
    if (!step.gaps().isEmpty()) {
      json.put("gaps", gaps(step.gaps()));
    }
    return json;
  }

  private static JsonObject kinds(Map<ContentKind, Integer> kinds) {
    JsonObject json = new JsonObject();
    kinds.forEach((kind, n) -> json.put(kind.name(), n));
    return json;
  }

  private static JsonArray gaps(Collection<ContentGap> gaps) {
    JsonArray json = new JsonArray();
    gaps.forEach(gap -> json.add(gap(gap).put("rule", gap.rule())));
    return json;
  }

  private static JsonObject gap(ContentGap gap) {
    return new JsonObject()
        .put("kind", gap.kind().name())
        .put("tags", new JsonArray(gap.tags()))
        .put("interests", new JsonArray(gap.interests()))
        .put("language", gap.language())
        .put("region", gap.region());
  }
}

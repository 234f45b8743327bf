package community.recommender.web.http.experiments;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.ArmResult;
import community.recommender.engine.experiment.Comparison;
import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.Population;
import community.recommender.engine.experiment.Treatment;
import community.recommender.web.application.experiments.ExperimentReport;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Experiments and their reports as the API shows them. */
final class ExperimentJson {
  private ExperimentJson() {}

  /** An experiment, with each arm's group count when {@code groupsPerArm} is given. */
  static JsonObject toJson(Experiment experiment, Instant now, Map<String, Integer> groupsPerArm) {
    JsonArray arms = new JsonArray();
    for (Arm arm : experiment.arms()) {
      JsonObject json = arm(arm);
      if (groupsPerArm != null) {
        json.put("groups", groupsPerArm.getOrDefault(arm.name(), 0));
      }
      arms.add(json);
    }
    return new JsonObject()
        .put("id", experiment.id())
        .put("name", experiment.name())
        .put("status", status(experiment, now))
        .put("population", population(experiment.population()))
        .put("arms", arms)
        .put("control", experiment.control())
        .put("metric", experiment.metric().apiName())
        .put("startsAt", experiment.startsAt().toString())
        .put("endsAt", experiment.endsAt().toString())
        .put("stoppedAt", experiment.stoppedAt() == null ? null : experiment.stoppedAt().toString())
        .put("baselineDays", experiment.baselineDays())
        .put("createdBy", experiment.createdBy())
        .put("createdAt", experiment.createdAt().toString());
  }

  static JsonObject report(ExperimentReport report, Instant now) {
    JsonArray arms = new JsonArray();
    for (ArmResult result : report.analysis().arms()) {
      JsonObject arm = new JsonObject()
          .put("arm", result.arm())
          .put("treatment", treatment(result.treatment()))
          .put("groups", result.groups())
          .put("meanBaseline", result.meanBaseline())
          .put("meanDuring", result.meanDuring())
          .put("meanChange", result.meanChange())
          .put("spreadOfChange", result.spreadOfChange());
      result.againstControl().ifPresent(c -> arm.put("againstControl", comparison(c)));
      arms.add(arm);
    }
    Experiment experiment = report.experiment();
    return new JsonObject()
        .put("experiment", toJson(experiment, now, null))
        .put("metric", experiment.metric().apiName())
        .put("unit", experiment.metric().unit())
        .put("baselineFrom", report.baselineFrom().toString())
        .put("from", report.from().toString())
        .put("to", report.to().toString())
        .put("arms", arms)
        .put("winner", report.analysis().winner().orElse(null))
        .put("verdict", report.analysis().verdict())
        .put("warnings", new JsonArray(report.analysis().warnings()));
  }

  private static JsonObject comparison(Comparison comparison) {
    return new JsonObject()
        .put("difference", comparison.difference())
        .put("low", comparison.low())
        .put("high", comparison.high())
        .put("pValue", comparison.pValue())
        .put("degreesOfFreedom", comparison.degreesOfFreedom());
  }

  private static JsonObject arm(Arm arm) {
    JsonObject json = new JsonObject().put("name", arm.name()).put("weight", arm.weight())
        .put("treatment", treatment(arm.treatment()));
    if (arm.treatment().kind() == Treatment.Kind.VERSION) {
      json.put("version", arm.treatment().version());
    }
    return json;
  }

  private static String treatment(Treatment treatment) {
    return treatment.kind().name().toLowerCase(Locale.ROOT);
  }

  private static String status(Experiment experiment, Instant now) {
    if (experiment.stoppedAt() != null && !experiment.stoppedAt().isAfter(now)
        && experiment.stoppedAt().isBefore(experiment.endsAt())) {
      return "stopped";
    }
    if (experiment.isOver(now)) {
      return "ended";
    }
    return experiment.isRunning(now) ? "running" : "scheduled";
  }

  private static JsonObject population(Population population) {
    JsonObject json = new JsonObject();
    if (!population.groupIds().isEmpty()) {
      return json.put("groupIds", new JsonArray(population.groupIds()));
    }
    json.put("labels", new JsonArray(population.labels()));
    if (population.region() != null) {
      json.put("region", population.region());
    }
    return json.put("platforms", names(population.platforms()))
        .put("bands", names(population.bands()))
        .put("stages", names(population.stages()));
  }

  private static JsonArray names(List<? extends Enum<?>> values) {
    JsonArray names = new JsonArray();
    values.forEach(value -> names.add(value.name()));
    return names;
  }
}

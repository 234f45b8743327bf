package community.recommender.web.store.pg;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.Metric;
import community.recommender.engine.experiment.Population;
import community.recommender.engine.experiment.Treatment;
import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Stage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** How an experiment's definition is kept in its JSON column: the store's own format, read back as written. */
final class ExperimentJson {
  private ExperimentJson() {}

  static JsonObject definition(Experiment experiment) {
    Population population = experiment.population();
    JsonArray arms = new JsonArray();
    experiment.arms().forEach(arm -> arms.add(new JsonObject().put("name", arm.name()).put("weight", arm.weight())
        .put("treatment", arm.treatment().kind().name()).put("version", arm.treatment().version())));
    return new JsonObject()
        .put("population", new JsonObject()
            .put("groupIds", new JsonArray(population.groupIds()))
            .put("labels", new JsonArray(population.labels()))
            .put("region", population.region())
            .put("platforms", names(population.platforms()))
            .put("bands", names(population.bands()))
            .put("stages", names(population.stages())))
        .put("arms", arms)
        .put("control", experiment.control())
        .put("metric", experiment.metric().name())
        .put("baselineDays", experiment.baselineDays());
  }

  static Experiment experiment(String id, String name, JsonObject definition, Instant startsAt, Instant endsAt,
      Instant stoppedAt, String createdBy, Instant createdAt) {
    JsonObject population = definition.getJsonObject("population");
    List<Arm> arms = new ArrayList<>();
    definition.getJsonArray("arms").forEach(value -> {
      JsonObject arm = (JsonObject) value;
      Treatment.Kind kind = Treatment.Kind.valueOf(arm.getString("treatment"));
      arms.add(new Arm(arm.getString("name"), arm.getInteger("weight"), new Treatment(kind, arm.getLong("version"))));
    });
    return new Experiment(id, name,
        new Population(strings(population.getJsonArray("groupIds")), strings(population.getJsonArray("labels")),
            population.getString("region"), values(population.getJsonArray("platforms"), Platform::valueOf),
            values(population.getJsonArray("bands"), ActivityBand::valueOf),
            values(population.getJsonArray("stages"), Stage::valueOf)),
        arms, definition.getString("control"), Metric.valueOf(definition.getString("metric")), startsAt, endsAt,
        definition.getInteger("baselineDays"), stoppedAt, createdBy, createdAt);
  }

  private static JsonArray names(List<? extends Enum<?>> values) {
    JsonArray names = new JsonArray();
    values.forEach(value -> names.add(value.name()));
    return names;
  }

  private static List<String> strings(JsonArray array) {
    return values(array, Function.identity());
  }

  private static <T> List<T> values(JsonArray array, Function<String, T> parse) {
    List<T> values = new ArrayList<>();
    array.forEach(value -> values.add(parse.apply((String) value)));
    return values;
  }
}

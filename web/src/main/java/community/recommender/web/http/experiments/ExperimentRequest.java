package community.recommender.web.http.experiments;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.Metric;
import community.recommender.engine.experiment.Population;
import community.recommender.engine.experiment.Treatment;
import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.InstantRange;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Stage;
import community.recommender.web.application.experiments.ExperimentDraft;
import community.recommender.web.http.ApiError;
import community.recommender.web.http.GroupIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Reads the body of {@code POST /api/v1/experiments} into a draft; every refusal names its field. */
final class ExperimentRequest {
  private static final Set<String> KEYS = Set.of("name", "population", "arms", "control", "metric", "startsAt",
      "endsAt", "baselineDays");
  private static final Set<String> POPULATION_KEYS = Set.of("groupIds", "labels", "region", "platforms", "bands",
      "stages");
  private static final Set<String> ARM_KEYS = Set.of("name", "weight", "treatment", "version");
  private static final Pattern ARM_NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
  private static final int MAX_NAME = 200;
  private static final int MAX_ARMS = 10;
  private static final int MAX_GROUP_IDS = 10_000;
  private static final int MAX_LABELS = 50;
  private static final Duration MAX_LENGTH = Duration.ofDays(366);
  /** A start this far back is taken as "now", so a client's clock a little behind is no error. */
  private static final Duration START_SLACK = Duration.ofMinutes(5);

  private ExperimentRequest() {}

  static ExperimentDraft read(JsonObject body, Instant now) {
    unknownKeys(body, KEYS, "");
    String name = text(body.getValue("name"), "name", MAX_NAME);
    Population population = population(body.getValue("population"));
    List<Arm> arms = arms(body.getValue("arms"));
    String control = body.getValue("control") == null ? arms.get(0).name() : text(body.getValue("control"), "control", 40);
    if (arms.stream().noneMatch(arm -> arm.name().equals(control))) {
      throw ApiError.invalid("control", "control must name one of the arms, not '" + control + "'");
    }
    Metric metric = body.getValue("metric") == null ? Metric.INTERACTIONS
        : choice(body.getValue("metric"), "metric", Metric.values(), Metric::apiName);
    Instant startsAt = body.getValue("startsAt") == null ? now : instant(body.getValue("startsAt"), "startsAt");
    if (startsAt.isBefore(now.minus(START_SLACK))) {
      throw ApiError.invalid("startsAt", "startsAt must not lie in the past; leave it out to start now");
    }
    startsAt = startsAt.isBefore(now) ? now : startsAt;
    Instant endsAt = instant(body.getValue("endsAt"), "endsAt");
    if (!endsAt.isAfter(startsAt)) {
      throw ApiError.invalid("endsAt", "endsAt must come after the start (" + startsAt + ")");
    }
    if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
      throw ApiError.invalid("endsAt", "an experiment runs at most 366 days");
    }
    int baselineDays = body.getValue("baselineDays") == null ? 28
        : integer(body.getValue("baselineDays"), "baselineDays", 7, 180);
    return new ExperimentDraft(name, population, arms, control, metric, startsAt, endsAt, baselineDays);
  }

  private static Population population(Object value) {
    if (!(value instanceof JsonObject population)) {
      throw ApiError.invalid("population", "population must be an object: groupIds, or filters on labels, region, "
          + "platforms, bands and stages ({} for every group)");
    }
    unknownKeys(population, POPULATION_KEYS, "population.");
    List<String> groupIds = strings(population.getValue("groupIds"), "population.groupIds", MAX_GROUP_IDS);
    for (String id : groupIds) {
      if (!GroupIds.isValid(id)) {
        throw ApiError.invalid("population.groupIds", "'" + id + "' is not a group id");
      }
    }
    List<String> labels = strings(population.getValue("labels"), "population.labels", MAX_LABELS);
    String region = population.getValue("region") == null ? null
        : text(population.getValue("region"), "population.region", 64);
    List<Platform> platforms = enums(population.getValue("platforms"), "population.platforms", Platform.values());
    List<ActivityBand> bands = enums(population.getValue("bands"), "population.bands", ActivityBand.values());
    List<Stage> stages = enums(population.getValue("stages"), "population.stages", Stage.values());
    if (!groupIds.isEmpty() && (!labels.isEmpty() || region != null || !platforms.isEmpty() || !bands.isEmpty()
        || !stages.isEmpty())) {
      throw ApiError.invalid("population.groupIds", "give either groupIds or filters, not both");
    }
    return new Population(groupIds, labels, region, platforms, bands, stages);
  }

  private static List<Arm> arms(Object value) {
    if (!(value instanceof JsonArray array) || array.size() < 2 || array.size() > MAX_ARMS) {
      throw ApiError.invalid("arms", "arms must be a list of 2 to " + MAX_ARMS + " arms");
    }
    List<Arm> arms = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < array.size(); i++) {
      String field = "arms[" + i + "]";
      if (!(array.getValue(i) instanceof JsonObject arm)) {
        throw ApiError.invalid(field, field + " must be an object with name, weight and treatment");
      }
      unknownKeys(arm, ARM_KEYS, field + ".");
      String name = text(arm.getValue("name"), field + ".name", 40);
      if (!ARM_NAME.matcher(name).matches()) {
        throw ApiError.invalid(field + ".name", "an arm's name is 1-40 letters, digits, '_' or '-', not '" + name + "'");
      }
      if (!names.add(name)) {
        throw ApiError.invalid(field + ".name", "two arms are named '" + name + "'");
      }
      int weight = integer(arm.getValue("weight"), field + ".weight", 1, 1000);
      Treatment.Kind kind = choice(arm.getValue("treatment"), field + ".treatment", Treatment.Kind.values(),
          k -> k.name().toLowerCase(Locale.ROOT));
      Treatment treatment;
      if (kind == Treatment.Kind.VERSION) {
        treatment = Treatment.version(integer(arm.getValue("version"), field + ".version", 1, Integer.MAX_VALUE));
      } else {
        if (arm.getValue("version") != null) {
          throw ApiError.invalid(field + ".version", "only a 'version' treatment names a version");
        }
        treatment = kind == Treatment.Kind.ACTIVE ? Treatment.ACTIVE : Treatment.HOLDOUT;
      }
      arms.add(new Arm(name, weight, treatment));
    }
    return arms;
  }

  private static void unknownKeys(JsonObject object, Set<String> known, String prefix) {
    for (String key : object.fieldNames()) {
      if (!known.contains(key)) {
        throw ApiError.invalid(prefix + key, "unknown field '" + prefix + key + "'; known: " + known.stream().sorted().toList());
      }
    }
  }

  private static String text(Object value, String field, int max) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw ApiError.invalid(field, field + " must be a non-empty string");
    }
    if (text.length() > max) {
      throw ApiError.invalid(field, field + " must be at most " + max + " characters");
    }
    return text.strip();
  }

  private static int integer(Object value, String field, int min, int max) {
    if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())
        || number.doubleValue() < min || number.doubleValue() > max) {
      throw ApiError.invalid(field, field + " must be a whole number from " + min + " to " + max);
    }
    return number.intValue();
  }

  private static Instant instant(Object value, String field) {
    if (!(value instanceof String text)) {
      throw ApiError.invalid(field, field + " must be an instant such as 2026-06-01T12:00:00Z");
    }
    try {
      Instant instant = Instant.parse(text);
      if (!InstantRange.contains(instant)) {
        throw ApiError.invalid(field, field + " must lie " + InstantRange.describe());
      }
      return instant;
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(field, field + " must be an instant such as 2026-06-01T12:00:00Z, not '" + text + "'");
    }
  }

  private static List<String> strings(Object value, String field, int max) {
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof JsonArray array) || array.size() > max) {
      throw ApiError.invalid(field, field + " must be a list of at most " + max + " strings");
    }
    List<String> strings = new ArrayList<>();
    for (Object item : array) {
      strings.add(text(item, field, 128));
    }
    return strings;
  }

  private static <E extends Enum<E>> List<E> enums(Object value, String field, E[] values) {
    List<E> chosen = new ArrayList<>();
    for (String text : strings(value, field, values.length)) {
      chosen.add(choice(text, field, values, e -> e.name()));
    }
    return chosen;
  }

  private static <E> E choice(Object value, String field, E[] values, Function<E, String> name) {
    if (value instanceof String text) {
      for (E candidate : values) {
        if (name.apply(candidate).equalsIgnoreCase(text.strip())) {
          return candidate;
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (E candidate : values) {
      names.add(name.apply(candidate));
    }
    throw ApiError.invalid(field, field + " must be one of " + names + ", not '" + value + "'");
  }
}

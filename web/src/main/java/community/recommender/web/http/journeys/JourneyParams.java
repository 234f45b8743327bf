package community.recommender.web.http.journeys;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Stage;
import community.recommender.web.application.journeys.JourneyService;
import community.recommender.web.http.ApiError;
import community.recommender.web.http.Responses;
import community.recommender.web.http.rules.RuleProposalJson;
import community.recommender.web.store.GroupQuery;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a journey request's JSON body: {@code days} (1 to 90, default 30), {@code files} (a
 * proposed rule set, as simulate takes it) and, for a report, {@code ids} or {@code filter} (band,
 * stage, region, label, as {@code GET /api/v1/groups} filters) with {@code page} and {@code pageSize}
 * (at most 50) through the groups it lets through. An empty body asks for the defaults.
 */
record JourneyParams(int days, Map<String, String> files, List<String> ids, GroupQuery filter) {
  static final int DEFAULT_DAYS = 30;
  private static final Set<String> ONE_GROUP = Set.of("days", "files");
  private static final Set<String> REPORT = Set.of("days", "files", "ids", "filter", "page", "pageSize");
  private static final Set<String> FILTER = Set.of("band", "stage", "region", "label");
  private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}(-[\\p{L}\\p{N}_]+)*");

  /** The body of {@code POST /api/v1/groups/{groupId}/journey}. */
  static JourneyParams forGroup(RoutingContext ctx) {
    JsonObject body = body(ctx);
    knownKeys(body, ONE_GROUP, "");
    return new JourneyParams(days(body), files(body), List.of(), null);
  }

  /** The body of {@code POST /api/v1/journeys}. */
  static JourneyParams forReport(RoutingContext ctx) {
    JsonObject body = body(ctx);
    knownKeys(body, REPORT, "");
    List<String> ids = strings(body, "ids");
    if (!ids.isEmpty() && body.getValue("filter") != null) {
      throw ApiError.invalid("ids", "give either ids or filter, not both");
    }
    for (String paging : List.of("page", "pageSize")) {
      if (!ids.isEmpty() && body.getValue(paging) != null) {
        throw ApiError.invalid(paging, paging + " pages through a filter's groups; ids name at most "
            + JourneyService.MAX_GROUPS + " groups on one page");
      }
    }
    int page = whole(body, "page", 1, 1, Integer.MAX_VALUE);
    int pageSize = whole(body, "pageSize", JourneyService.MAX_GROUPS, 1, JourneyService.MAX_GROUPS);
    return new JourneyParams(days(body), files(body), ids, filter(body, page, pageSize));
  }

  private static JsonObject body(RoutingContext ctx) {
    return ctx.body() == null || ctx.body().length() == 0 ? new JsonObject() : Responses.jsonBody(ctx);
  }

  private static void knownKeys(JsonObject json, Set<String> known, String prefix) {
    for (String key : json.fieldNames()) {
      if (!known.contains(key)) {
        throw ApiError.invalid(prefix + key, "unknown key '" + prefix + key + "'; use " + known);
      }
    }
  }

  /** A whole number from {@code min} to {@code max} under {@code name}, or {@code fallback} when absent. */
  private static int whole(JsonObject body, String name, int fallback, int min, int max) {
    Object value = body.getValue(name);
    if (value == null) {
      return fallback;
    }
    if ((value instanceof Integer || value instanceof Long) && ((Number) value).longValue() >= min
        && ((Number) value).longValue() <= max) {
      return ((Number) value).intValue();
    }
    throw ApiError.invalid(name, name + " must be a whole number from " + min + " to " + max + ", not " + value);
  }

  private static int days(JsonObject body) {
    Object value = body.getValue("days");
    if (value == null) {
      return DEFAULT_DAYS;
    }
    if (value instanceof Integer || value instanceof Long) {
      long days = ((Number) value).longValue();
      if (days >= 1 && days <= JourneyService.MAX_DAYS) {
        return (int) days;
      }
    }
    throw ApiError.invalid("days", "days must be a whole number from 1 to " + JourneyService.MAX_DAYS + ", not "
        + value);
  }

  private static Map<String, String> files(JsonObject body) {
    return body.getValue("files") == null ? Map.of() : RuleProposalJson.files(body, "files");
  }

  private static GroupQuery filter(JsonObject body, int page, int pageSize) {
    Object value = body.getValue("filter");
    if (value == null) {
      return new GroupQuery(List.of(), List.of(), null, List.of(), List.of(), page, pageSize);
    }
    if (!(value instanceof JsonObject filter)) {
      throw ApiError.invalid("filter", "filter must be an object with band, stage, region or label");
    }
    knownKeys(filter, FILTER, "filter.");
    Object region = filter.getValue("region");
    if (region != null && !(region instanceof String text && REGION.matcher(text.strip()).matches())) {
      throw ApiError.invalid("filter.region", "filter.region must be a region code or its start, such as CN-SH");
    }
    List<String> labels = strings(filter, "label", "filter.label");
    return new GroupQuery(values(ActivityBand.class, filter, "band"), values(Stage.class, filter, "stage"),
        region == null ? null : ((String) region).strip(), labels, List.of(), page, pageSize);
  }

  private static <E extends Enum<E>> List<E> values(Class<E> type, JsonObject filter, String name) {
    List<E> values = new ArrayList<>();
    for (String text : strings(filter, name, "filter." + name)) {
      for (String part : text.split(",")) {
        try {
          values.add(Enum.valueOf(type, part.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw ApiError.invalid("filter." + name, "filter." + name + " must be one of "
              + List.of(type.getEnumConstants()) + ", not '" + part + "'");
        }
      }
    }
    return values;
  }

  private static List<String> strings(JsonObject json, String name) {
    return strings(json, name, name);
  }

  /** A string or an array of non-empty strings under {@code name}; 422 naming {@code field} otherwise. */
  private static List<String> strings(JsonObject json, String name, String field) {
    Object value = json.getValue(name);
    if (value == null) {
      return List.of();
    }
    List<Object> raw = value instanceof JsonArray array ? array.getList() : List.of(value);
    List<String> strings = new ArrayList<>();
    for (Object element : raw) {
      if (!(element instanceof String text) || text.isBlank()) {
        throw ApiError.invalid(field, field + " must be a non-empty string or a list of them");
      }
      strings.add(text.strip());
    }
    return strings;
  }
}

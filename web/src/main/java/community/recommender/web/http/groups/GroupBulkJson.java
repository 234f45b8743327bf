package community.recommender.web.http.groups;

import community.recommender.web.application.groups.BulkChange;
import community.recommender.web.application.groups.BulkOutcome;
import community.recommender.web.http.ApiError;
import community.recommender.web.http.GroupIds;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads and writes {@code POST /api/v1/groups/bulk}: which groups (listed by {@code ids}, or chosen
 * by a {@code filter} as the group list takes it), what to do to them, and each group's result.
 */
final class GroupBulkJson {
  /** The most groups one request may change, listed or filtered. */
  static final int MAX_GROUPS = 1000;
  private static final Set<String> FIELDS = Set.of("ids", "filter", "action", "label");
  private static final Set<String> FILTERS = Set.of("band", "stage", "region", "label");

  private GroupBulkJson() {}

  /** A bulk request as read: either ids, or a filter of the group list's parameters, never both. */
  record Request(List<String> ids, JsonObject filter, BulkChange change) {}

  /** The request in {@code body}; 422 naming the first field that is wrong. */
  static Request read(JsonObject body) {
    for (String name : body.fieldNames()) {
      if (!FIELDS.contains(name)) {
        throw ApiError.invalid(name, "unknown field '" + name + "'; use " + FIELDS);
      }
    }
    BulkChange change = new BulkChange(action(body.getValue("action")), null);
    if (change.action() != BulkChange.Action.ARCHIVE) {
      change = new BulkChange(change.action(), label(body.getValue("label")));
    } else if (body.getValue("label") != null) {
      throw ApiError.invalid("label", "archive takes no label");
    }
    boolean hasIds = body.getValue("ids") != null;
    boolean hasFilter = body.getValue("filter") != null;
    if (hasIds == hasFilter) {
      throw ApiError.invalid(hasIds ? "filter" : "ids", "give the groups either as ids or as a filter, not "
          + (hasIds ? "both" : "neither"));
    }
    return hasIds ? new Request(ids(body.getValue("ids")), null, change)
        : new Request(null, filter(body.getValue("filter")), change);
  }

  private static BulkChange.Action action(Object value) {
    String names = Arrays.stream(BulkChange.Action.values()).map(BulkChange.Action::apiName).toList().toString();
    if (!(value instanceof String text)) {
      throw ApiError.invalid("action", "action must be one of " + names);
    }
    return Arrays.stream(BulkChange.Action.values()).filter(a -> a.apiName().equals(text)).findFirst()
        .orElseThrow(() -> ApiError.invalid("action", "action must be one of " + names + ", not '" + text + "'"));
  }

  private static String label(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      throw ApiError.invalid("label", "label must be a non-empty string for addLabel and removeLabel");
    }
    if (text.strip().length() > GroupLimits.TAG) {
      throw ApiError.invalid("label", "label must be at most " + GroupLimits.TAG + " characters");
    }
    return text.strip();
  }

  private static List<String> ids(Object value) {
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw ApiError.invalid("ids", "ids must be a non-empty list of group ids");
    }
    if (array.size() > MAX_GROUPS) {
      throw ApiError.invalid("ids", "ids may list at most " + MAX_GROUPS + " groups, not " + array.size());
    }
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      Object id = array.getValue(i);
      ids.add(GroupIds.check(id instanceof String text ? text : String.valueOf(id), "ids[" + i + "]"));
    }
    return ids;
  }

  /** The filter as the group list's query parameters would carry it, for {@link GroupListParams}. */
  private static JsonObject filter(Object value) {
    if (!(value instanceof JsonObject filter)) {
      throw ApiError.invalid("filter", "filter must be an object of band, stage, region and label");
    }
    for (String name : filter.fieldNames()) {
      if (!FILTERS.contains(name)) {
        throw ApiError.invalid("filter." + name, "unknown filter '" + name + "'; use " + FILTERS);
      }
    }
    return filter;
  }

  /** The filter's values by name, as the group list's query parameters would carry them. */
  static Function<String, List<String>> params(JsonObject filter) {
    return name -> {
      Object value = filter.getValue(name);
      if (value == null) {
        return List.of();
      }
      if (value instanceof String text) {
        return List.of(text);
      }
      if (value instanceof JsonArray array && array.stream().allMatch(String.class::isInstance)) {
        return array.stream().map(String.class::cast).toList();
      }
      throw ApiError.invalid("filter." + name, "filter." + name + " must be a string or a list of strings");
    };
  }

  /** The report: each group's result, and how many changed. */
  static JsonObject report(BulkChange change, List<BulkOutcome> outcomes) {
    JsonArray results = new JsonArray();
    for (BulkOutcome outcome : outcomes) {
      JsonObject result = new JsonObject().put("id", outcome.groupId()).put("result", outcome.result());
      results.add(outcome.message() == null ? result : result.put("message", outcome.message()));
    }
    JsonObject report = new JsonObject().put("action", change.action().apiName());
    if (change.label() != null) {
      report.put("label", change.label());
    }
    return report.put("matched", outcomes.size())
        .put("changed", outcomes.stream().filter(BulkOutcome::changed).count())
        .put("results", results);
  }
}

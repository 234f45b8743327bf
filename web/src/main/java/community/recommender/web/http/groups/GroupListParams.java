package community.recommender.web.http.groups;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.SortParam;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Stage;
import community.recommender.web.store.Caller;
import community.recommender.web.store.GroupOrder;
import community.recommender.web.store.GroupQuery;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads the query of {@code GET /api/v1/groups}: {@code band}, {@code stage}, {@code region},
 * {@code label}, {@code page}, {@code pageSize} and {@code sort}.
 *
 * <p>{@code band} and {@code stage} take several values, repeated or separated by commas, and
 * match any of them; {@code label} may be repeated and matches groups carrying all of them. An
 * unknown parameter is refused, so that a misspelt filter never silently lists every group.
 */
final class GroupListParams {
  static final int DEFAULT_PAGE_SIZE = 50;
  static final int MAX_PAGE_SIZE = 500;

  private static final Set<String> NAMES = Set.of("band", "stage", "region", "label", "page", "pageSize", "sort");
  private static final Pattern REGION = Pattern.compile("[A-Za-z]{2}(-[\\p{L}\\p{N}_]+)*");

  private GroupListParams() {}

  /** The query for {@code caller}, limited to its groups when its token is; 422 naming a bad parameter. */
  static GroupQuery read(RoutingContext ctx, Caller caller) {
    for (String name : ctx.queryParams().names()) {
      if (!NAMES.contains(name)) {
        throw ApiError.invalid(name, "unknown parameter '" + name + "'; use " + NAMES);
      }
    }
    return filtered(ctx::queryParam, "", caller, number(ctx, "page", 1, Integer.MAX_VALUE / MAX_PAGE_SIZE, 1),
        number(ctx, "pageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE)).ordered(order(single(ctx, "sort")));
  }

  /** The {@code sort} parameter: a field, '-' first for descending; by id when absent. */
  private static GroupOrder order(String text) {
    if (text == null) {
      return GroupOrder.BY_ID;
    }
    SortParam.Sorting<GroupOrder.Field> sorting = SortParam.read(text, GroupOrder.Field.values(),
        GroupOrder.Field::apiName);
    return new GroupOrder(sorting.field(), sorting.descending());
  }

  /**
   * The groups {@code caller} may see that pass the filters {@code params} gives for {@code band},
   * {@code stage}, {@code region} and {@code label}; 422 naming {@code prefix} and the filter that is wrong.
   */
  static GroupQuery filtered(Function<String, List<String>> params, String prefix, Caller caller, int page,
      int pageSize) {
    List<String> regions = params.apply("region");
    if (regions.size() > 1) {
      throw ApiError.invalid(prefix + "region", "region may be given once");
    }
    String region = regions.isEmpty() || regions.get(0).isBlank() ? null : regions.get(0).strip();
    if (region != null && (region.length() > GroupLimits.REGION || !REGION.matcher(region).matches())) {
      throw ApiError.invalid(prefix + "region", "region must be a region code or its start, such as CN-SH, not '"
          + region + "'");
    }
    List<String> labels = params.apply("label").stream().map(String::strip).toList();
    if (labels.stream().anyMatch(String::isEmpty)) {
      throw ApiError.invalid(prefix + "label", "label must not be empty");
    }
    if (labels.size() > GroupLimits.LABEL_FILTERS || labels.stream().anyMatch(l -> l.length() > GroupLimits.TAG)) {
      throw ApiError.invalid(prefix + "label", "give at most " + GroupLimits.LABEL_FILTERS + " labels of at most "
          + GroupLimits.TAG + " characters each");
    }
    return new GroupQuery(
        values(ActivityBand.class, prefix + "band", params.apply("band")),
        values(Stage.class, prefix + "stage", params.apply("stage")),
        region, labels, caller.groups(), page, pageSize);
  }

  private static <E extends Enum<E>> List<E> values(Class<E> type, String name, List<String> params) {
    List<E> values = new ArrayList<>();
    for (String param : params) {
      for (String text : param.split(",")) {
        try {
          values.add(Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          throw ApiError.invalid(name, name + " must be one of " + List.of(type.getEnumConstants()) + ", not '"
              + text + "'");
        }
      }
    }
    return values;
  }

  private static String single(RoutingContext ctx, String name) {
    List<String> values = ctx.queryParam(name);
    if (values.size() > 1) {
      throw ApiError.invalid(name, name + " may be given once");
    }
    return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).strip();
  }

  private static int number(RoutingContext ctx, String name, int min, int max, int fallback) {
    String text = single(ctx, name);
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // Answered below, as for a number out of range.
    }
    throw ApiError.invalid(name, name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'");
  }
}

package community.recommender.web.http.groups;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.InstantRange;
import community.recommender.web.http.ApiError;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads activity reports, the body of {@code POST /api/v1/groups/{groupId}/activity}: one window
 * as an object, or several as an array of them.
 *
 * <p>A window is at most 7 days long, because a report counts whole toward the period its window
 * ends in; it may end at most 5 minutes in the future, to allow for clocks that run fast.
 * Windows sent together must not overlap one another; the same window sent twice counts once,
 * with the later counts. Each count is at most {@link GroupLimits#COUNT}, so that no sum overflows.
 */
public final class ActivityReportJson {
  /** The keys of one report. */
  public static final List<String> COUNT_KEYS =
      List.of("messages", "activeMembers", "joins", "leaves", "reactions", "clicks", "orders", "complaints");

  /** The most windows one request may carry. */
  public static final int MAX_REPORTS = 1000;

  private static final Duration LONGEST_WINDOW = Duration.ofDays(7);
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private ActivityReportJson() {}

  /** Reads a request body, received at {@code now}; fails with 422 naming the first bad field. */
  public static List<ActivityReport> fromBody(Object body, Instant now) {
    if (body instanceof JsonObject single) {
      return List.of(fromJson(single, "", now));
    }
    if (!(body instanceof JsonArray array)) {
      throw ApiError.malformed("the body must be a JSON object, or an array of them");
    }
    if (array.isEmpty()) {
      throw ApiError.invalid("[0]", "the array holds no report");
    }
    if (array.size() > MAX_REPORTS) {
      throw ApiError.tooLarge("at most " + MAX_REPORTS + " windows per request, not " + array.size());
    }
    List<ActivityReport> reports = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (!(array.getValue(i) instanceof JsonObject item)) {
        throw ApiError.invalid("[" + i + "]", "[" + i + "] must be an object");
      }
      ActivityReport report = fromJson(item, "[" + i + "].", now);
      for (int earlier = 0; earlier < reports.size(); earlier++) {
        if (report.overlaps(reports.get(earlier))) {
          throw ApiError.invalid("[" + i + "].from", "the window " + window(report) + " overlaps window ["
              + earlier + "] " + window(reports.get(earlier)) + " in the same request");
        }
      }
      reports.add(report);
    }
    return reports;
  }

  /** Writes a window as {@code [from, to)}. */
  public static String window(ActivityReport report) {
    return "[" + report.from() + ", " + report.to() + ")";
  }

  private static ActivityReport fromJson(JsonObject json, String prefix, Instant now) {
    for (String key : json.fieldNames()) {
      if (!key.equals("from") && !key.equals("to") && !COUNT_KEYS.contains(key)) {
        throw ApiError.invalid(prefix + key, "unknown key '" + key + "'; a report has from, to and " + COUNT_KEYS);
      }
    }
    Instant from = instant(json, "from", prefix);
    Instant to = instant(json, "to", prefix);
    if (!to.isAfter(from)) {
      throw ApiError.invalid(prefix + "to", "to (" + to + ") must be after from (" + from + ")");
    }
    if (Duration.between(from, to).compareTo(LONGEST_WINDOW) > 0) {
      throw ApiError.invalid(prefix + "to", "a window may be at most 7 days long; report longer periods day by day");
    }
    if (to.isAfter(now.plus(CLOCK_SKEW))) {
      throw ApiError.invalid(prefix + "to", "to (" + to + ") is in the future");
    }
    long[] counts = new long[COUNT_KEYS.size()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = count(json, COUNT_KEYS.get(i), prefix);
    }
    return new ActivityReport(from, to, new ActivityCounts(counts[0], counts[1], counts[2], counts[3], counts[4],
        counts[5], counts[6], counts[7]));
  }

  private static Instant instant(JsonObject json, String field, String prefix) {
    Object value = json.getValue(field);
    if (value == null) {
      throw ApiError.invalid(prefix + field, field + " is required, as ISO-8601 such as 2026-06-01T09:00:00Z");
    }
    if (!(value instanceof String text)) {
      throw ApiError.invalid(prefix + field, field + " must be an ISO-8601 string such as 2026-06-01T09:00:00Z");
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeException e) {
      throw ApiError.invalid(prefix + field, field + " must be ISO-8601 with an offset, such as 2026-06-01T09:00:00Z"
          + " or 2026-06-01T17:00:00+08:00, not '" + text + "'");
    }
    if (!InstantRange.contains(instant)) {
      throw ApiError.invalid(prefix + field, field + " must lie " + InstantRange.describe() + ", not " + instant);
    }
    return instant;
  }

  private static long count(JsonObject json, String field, String prefix) {
    Object value = json.getValue(field);
    if (value == null) {
      return 0;
    }
    if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
        || ((Number) value).longValue() > GroupLimits.COUNT) {
      throw ApiError.invalid(prefix + field, field + " must be a whole number from 0 to " + GroupLimits.COUNT
          + " per window, not " + value);
    }
    return ((Number) value).longValue();
  }
}

package community.recommender.web.http.groups;

import community.recommender.web.http.ApiError;
import io.vertx.ext.web.RoutingContext;
import java.util.List;
import java.util.UUID;

/** Reads the query of a group's suggestion history: {@code before}, a suggestion id, and {@code limit}. */
final class HistoryParams {
  private static final int DEFAULT_LIMIT = 20;
  private static final List<String> NAMES = List.of("before", "limit");

  private HistoryParams() {}

  /** The suggestion the page starts before, or null for the newest; 422 naming {@code before} when not an id. */
  static UUID before(RoutingContext ctx) {
    for (String name : ctx.queryParams().names()) {
      if (!NAMES.contains(name)) {
        throw ApiError.invalid(name, "unknown parameter '" + name + "'; use " + NAMES);
      }
    }
    String text = ctx.queryParams().get("before");
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return UUID.fromString(text.strip());
    } catch (IllegalArgumentException e) {
      throw ApiError.invalid("before", "before must be a suggestion id, as the previous page's next gives it");
    }
  }

  /** How many suggestions the page may hold, 1 to {@code max}; 422 naming {@code limit} otherwise. */
  static int limit(RoutingContext ctx, int max) {
    String text = ctx.queryParams().get("limit");
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int limit = Integer.parseInt(text.strip());
      if (limit >= 1 && limit <= max) {
        return limit;
      }
    } catch (NumberFormatException e) {
      // Answered below, as for a number out of range.
    }
    throw ApiError.invalid("limit", "limit must be a whole number from 1 to " + max + ", not '" + text + "'");
  }
}

package community.recommender.web.http;

import community.recommender.engine.model.InstantRange;
import io.vertx.ext.web.RoutingContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Reads a query parameter (a whole number within bounds, or an instant); 422 naming the parameter otherwise. */
public final class QueryParam {
  private QueryParam() {}

  public static int integer(RoutingContext ctx, String name, int fallback, int min, int max) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int parsed = Integer.parseInt(value.strip());
      if (parsed >= min && parsed <= max) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // Answered below, with the bounds.
    }
    throw ApiError.invalid(name, name + " must be a whole number from " + min + " to " + max);
  }

  /** An ISO-8601 instant within {@link InstantRange}, or {@code fallback} when the parameter is absent. */
  public static Instant instant(RoutingContext ctx, String name, Instant fallback) {
    String value = ctx.queryParams().get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    Instant instant;
    try {
      instant = Instant.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw ApiError.invalid(name, name + " must be an ISO-8601 instant such as 2026-05-01T00:00:00Z");
    }
    if (!InstantRange.contains(instant)) {
      throw ApiError.invalid(name, name + " must lie " + InstantRange.describe());
    }
    return instant;
  }
}

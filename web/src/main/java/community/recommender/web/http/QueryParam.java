package community.recommender.web.http;

import io.vertx.ext.web.RoutingContext;

/** Reads a whole-number query parameter within bounds; 422 naming the parameter otherwise. */
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
}

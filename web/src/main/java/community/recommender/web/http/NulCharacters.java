package community.recommender.web.http;

import io.vertx.core.Handler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;

/**
 * Refuses the NUL character (U+0000) in any text a request carries: JSON strings and keys, query
 * parameters and the path.
 *
 * <p>PostgreSQL cannot store NUL in text, and no chat shows it, so it is refused with 422 naming
 * where it was found, before any codec or store sees it.
 */
public final class NulCharacters {
  private static final char NUL = '\0';

  private NulCharacters() {}

  /**
   * Throws 422 naming the first field of {@code json} (an object, array or string) whose key or
   * text holds NUL; fields are named as {@code attributes.tier} or {@code [3].name}, after
   * {@code prefix}.
   */
  public static void refuseIn(Object json, String prefix) {
    if (json instanceof String text && text.indexOf(NUL) >= 0) {
      throw refused(prefix.isEmpty() ? "body" : prefix);
    }
    if (json instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        if (entry.getKey().indexOf(NUL) >= 0) {
          throw refused(prefix.isEmpty() ? entry.getKey().replace(NUL, '?') : prefix);
        }
        refuseIn(entry.getValue(), prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey());
      }
    }
    if (json instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        refuseIn(array.getValue(i), prefix + "[" + i + "]");
      }
    }
  }

  /** A handler that refuses NUL in the path or in any query parameter's name or value, naming it. */
  public static Handler<RoutingContext> inPathAndQuery() {
    return ctx -> {
      if (ctx.request().path().contains("%00") || ctx.normalizedPath().indexOf(NUL) >= 0) {
        ctx.fail(refused("path"));
        return;
      }
      if (ctx.request().query() == null) {
        ctx.next();
        return;
      }
      for (Map.Entry<String, String> param : ctx.queryParams()) {
        if (param.getKey().indexOf(NUL) >= 0 || param.getValue().indexOf(NUL) >= 0) {
          ctx.fail(refused(param.getKey().replace(NUL, '?')));
          return;
        }
      }
      ctx.next();
    };
  }

  private static ApiError refused(String field) {
    return ApiError.invalid(field, field + " must not contain the NUL character (U+0000)");
  }
}

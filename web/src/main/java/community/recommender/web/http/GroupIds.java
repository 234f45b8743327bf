package community.recommender.web.http;

import community.recommender.web.store.Caller;
import io.vertx.ext.web.RoutingContext;
import java.util.regex.Pattern;

/** The form every group id takes: 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
public final class GroupIds {
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private GroupIds() {}

  /** Whether {@code id} follows the pattern group ids must follow. */
  public static boolean isValid(String id) {
    return id != null && GROUP_ID.matcher(id).matches();
  }

  /** Answers {@code id} when it is a valid group id; otherwise fails with 422 naming {@code field}. */
  public static String check(String id, String field) {
    if (id == null || !GROUP_ID.matcher(id).matches()) {
      throw ApiError.invalid(field, field + " must be 1-128 letters, digits, '.', '_', ':' or '-', not '" + id + "'");
    }
    return id;
  }

  /** The group id from the path, checked against the pattern ids must follow; also for bots' scope. */
  public static String fromPath(RoutingContext ctx) {
    String id = check(ctx.pathParam("groupId"), "groupId");
    Caller caller = TokenAuthHandler.caller(ctx);
    if (!caller.mayActFor(id)) {
      throw ApiError.forbidden("this token is not allowed to act for group '" + id + "'");
    }
    return id;
  }
}

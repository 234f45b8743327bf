package community.recommender.web.http;

import community.recommender.web.store.Caller;
import io.vertx.ext.web.RoutingContext;

/** The form every group id takes: 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
public final class GroupIds {
  private static final int MAX_LENGTH = 128;

  private GroupIds() {}

  /** Whether {@code id} follows the pattern group ids must follow. */
  public static boolean isValid(String id) {
    if (id == null || id.isEmpty() || id.length() > MAX_LENGTH || !isLetterOrDigit(id.charAt(0))) {
      return false;
    }
    // A loop rather than a regular expression: every poll checks its path's id.
    for (int i = 1; i < id.length(); i++) {
      char c = id.charAt(i);
      if (!isLetterOrDigit(c) && c != '.' && c != '_' && c != ':' && c != '-') {
        return false;
      }
    }
    return true;
  }

  private static boolean isLetterOrDigit(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
  }

  /** Answers {@code id} when it is a valid group id; otherwise fails with 422 naming {@code field}. */
  public static String check(String id, String field) {
    if (!isValid(id)) {
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

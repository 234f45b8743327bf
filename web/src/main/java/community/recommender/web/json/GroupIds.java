package community.recommender.web.json;

import community.recommender.web.api.ApiError;
import java.util.regex.Pattern;

/** The form every group id takes: 1 to 128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit. */
public final class GroupIds {
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private GroupIds() {}

  /** Answers {@code id} when it is a valid group id; otherwise fails with 422 naming {@code field}. */
  /** Whether {@code id} follows the pattern group ids must follow. */
  public static boolean isValid(String id) {
    return id != null && GROUP_ID.matcher(id).matches();
  }

  public static String check(String id, String field) {
    if (id == null || !GROUP_ID.matcher(id).matches()) {
      throw ApiError.invalid(field, field + " must be 1-128 letters, digits, '.', '_', ':' or '-', not '" + id + "'");
    }
    return id;
  }
}

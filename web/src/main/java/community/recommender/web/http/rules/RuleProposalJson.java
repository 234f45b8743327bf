package community.recommender.web.http.rules;

import community.recommender.web.http.ApiError;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a proposed rule set: {@code {"name.drl": "DRL text", "gone.drl": null}}, changes over the
 * active files. Simulations and journeys take it in the same form.
 */
public final class RuleProposalJson {
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.drl");

  private RuleProposalJson() {}

  /** The changes under {@code field} of {@code body}; 422 naming the field or file that is wrong. */
  public static Map<String, String> files(JsonObject body, String field) {
    Object files = body.getValue(field);
    if (!(files instanceof JsonObject map)) {
      throw ApiError.invalid(field, field + " must be an object of file name to DRL text (null removes a file)");
    }
    Map<String, String> changes = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : map) {
      checkFileName(entry.getKey(), field + "." + entry.getKey());
      if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
        throw ApiError.invalid(field + "." + entry.getKey(), "each file must be DRL text, or null to remove it");
      }
      changes.put(entry.getKey(), (String) entry.getValue());
    }
    return changes;
  }

  /** Refuses a file name that is not like {@code needs-cycle.drl}, naming {@code field}. */
  public static void checkFileName(String file, String field) {
    if (!FILE.matcher(file).matches()) {
      throw ApiError.invalid(field, "rule files are named like needs-cycle.drl: letters, digits, '.', '_', '-'");
    }
  }
}

package community.recommender.web.store;

import community.recommender.engine.model.Reason;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A decision that sent a group nothing.
 *
 * @param status {@code held} when rules hold the group back, {@code empty} when nothing at all may be sent
 * @param until when it is worth asking again
 * @param ruleSetVersion the rule set that decided
 * @param reasons why, rule by rule
 * @param explanation the whole decision: needs, dropped candidates with the rule that dropped each,
 *     rules fired, gaps and settings
 */
public record Silence(String status, Instant until, long ruleSetVersion, List<Reason> reasons,
    JsonObject explanation) {

  /** The status of a silence that rules imposed. */
  public static final String HELD = "held";
  /** The status of a silence where nothing at all may be sent. */
  public static final String EMPTY = "empty";

  public Silence {
    if (!HELD.equals(status) && !EMPTY.equals(status)) {
      throw new IllegalArgumentException("a silence is held or empty, not " + status);
    }
    Objects.requireNonNull(until, "until");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(explanation, "explanation");
  }

  /**
   * What makes two silences the same one: status and reasons. The time to ask again moves with
   * every decision and does not count.
   */
  public String signature() {
    StringBuilder s = new StringBuilder(status);
    reasons.forEach(r -> s.append('\n').append(r.rule()).append('\t').append(r.message()));
    return s.toString();
  }
}

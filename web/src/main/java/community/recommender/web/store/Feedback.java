package community.recommender.web.store;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a chat tool reports about a suggestion it was given.
 *
 * @param outcome {@code posted}, {@code skipped} or {@code failed}
 * @param postedAt when it was posted, or null (for a post: the time of the report)
 * @param metrics {@code reactions}, {@code replies}, {@code clicks}, {@code orders}, and the
 *     {@code complaints} and {@code leaves} that followed, so far; or null
 */
public record Feedback(String outcome, Instant postedAt, JsonObject metrics) {
  /** How long after {@code postedAt} a post's metrics may still grow and count unless the server is told otherwise. */
  public static final Duration METRICS_WINDOW = Duration.ofHours(48);

  public Feedback {
    Objects.requireNonNull(outcome, "outcome");
  }
}

package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.Objects;

/**
 * A platform limit that a content item's rendering goes over, so it cannot be sent there as it is.
 *
 * @param platform the platform whose limit it is
 * @param limit what is limited, such as {@code text bytes} or {@code attachments}
 * @param allowed the most the platform accepts
 * @param actual how much the item needs
 */
public record LimitBreach(Platform platform, String limit, long allowed, long actual) {

  public LimitBreach {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(limit, "limit");
  }

  /** A sentence naming the platform and the limit, for warnings and explanations. */
  public String message() {
    return Platforms.displayName(platform) + " allows at most " + allowed + " " + limit + "; this item needs "
        + actual;
  }
}

package community.recommender.content.rendering;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * Which platforms a content item fits as it is: checked when the item is stored (a warning) and when
 * it is indexed (it is never retrieved for a group on a platform it does not fit).
 */
public final class PlatformFit {
  /** Image addresses do not count towards any limit, so checks need no real ones. */
  private static final ContentRenderer CHECKS = new ContentRenderer((id, name) -> name);

  private PlatformFit() {}

  /** Every limit the item goes over, on every platform. */
  public static List<LimitBreach> breaches(ContentItem item) {
    return CHECKS.breaches(item);
  }

  /** The platforms the item cannot be sent to as it is. */
  public static List<Platform> unfitPlatforms(ContentItem item) {
    return CHECKS.unfitPlatforms(item);
  }
}

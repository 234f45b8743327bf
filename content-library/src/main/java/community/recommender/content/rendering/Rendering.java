package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * A content item made ready to send on one platform, with any platform limit it still goes over.
 *
 * <p>A rendering that goes over a limit is still given, so an editor can see it, but a chat tool
 * should not send it: the platform would refuse or cut it.
 */
public sealed interface Rendering
    permits WeComMessage, TelegramMessages, DiscordMessage, SlackMessage, CopyByHand, MarkdownText {

  /** The platform this rendering is for. */
  Platform platform();

  /** The limits this rendering goes over; empty when it may be sent as it is. */
  List<LimitBreach> breaches();

  /** Whether the rendering keeps within every limit of its platform. */
  default boolean fits() {
    return breaches().isEmpty();
  }
}

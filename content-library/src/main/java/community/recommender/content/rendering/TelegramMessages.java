package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * Telegram {@code sendMessage} texts with entities, in sending order, and the photos to send before
 * them: a long body is split at block boundaries into at most {@link PlatformLimits#TELEGRAM_MESSAGES}.
 */
public record TelegramMessages(List<EntityText> messages, List<String> photos, List<LimitBreach> breaches)
    implements Rendering {

  public TelegramMessages {
    messages = List.copyOf(messages);
    photos = List.copyOf(photos);
    breaches = List.copyOf(breaches);
  }

  @Override
  public Platform platform() {
    return Platform.TELEGRAM;
  }
}

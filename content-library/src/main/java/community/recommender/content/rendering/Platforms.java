package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.Locale;
import java.util.Optional;

/** The names platforms go by in formats and messages. */
public final class Platforms {
  private Platforms() {}

  /** The platform's name as people write it: {@code WeCom}, {@code Telegram}. */
  public static String displayName(Platform platform) {
    return switch (platform) {
      case WECOM -> "WeCom";
      case WECHAT -> "WeChat";
      case TELEGRAM -> "Telegram";
      case DISCORD -> "Discord";
      case SLACK -> "Slack";
      case OTHER -> "Other platforms";
    };
  }

  /** The {@code ?format=} value for a platform: its name in lower case. */
  public static String formatName(Platform platform) {
    return platform.name().toLowerCase(Locale.ROOT);
  }

  /** The platform a {@code ?format=} value names, ignoring case; empty when it names none. */
  public static Optional<Platform> fromFormat(String format) {
    for (Platform platform : Platform.values()) {
      if (formatName(platform).equalsIgnoreCase(format.strip())) {
        return Optional.of(platform);
      }
    }
    return Optional.empty();
  }
}

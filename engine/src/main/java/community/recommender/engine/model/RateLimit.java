package community.recommender.engine.model;

import java.util.Optional;

/**
 * How many messages a group's platform accepts in a short window, a fact the pacing rules read.
 *
 * <p>Defaults follow the platforms' documentation: Telegram about 20 messages a minute per group,
 * Discord 5 per 5 seconds per channel, Slack 1 a second per channel. WeCom mass messages and
 * personal WeChat have none beyond their quotas. A group's portrait attributes
 * {@code rateLimitMessages} and {@code rateLimitSeconds} override them, or set one where the
 * platform has none.
 *
 * @param messages how many messages the window takes
 * @param seconds how long the window is
 */
public record RateLimit(int messages, int seconds) {

  public RateLimit {
    if (messages < 1 || seconds < 1) {
      throw new IllegalArgumentException("a rate limit needs at least 1 message in at least 1 second");
    }
  }

  /** The group's rate limit: its platform's default with its portrait's overrides; empty when it has none. */
  public static Optional<RateLimit> of(Portrait portrait) {
    Optional<RateLimit> platform = switch (portrait.getPlatform()) {
      case TELEGRAM -> Optional.of(new RateLimit(20, 60));
      case DISCORD -> Optional.of(new RateLimit(5, 5));
      case SLACK -> Optional.of(new RateLimit(1, 1));
      case WECOM, WECHAT, OTHER -> Optional.empty();
    };
    int messages = portrait.intAttribute("rateLimitMessages", platform.map(RateLimit::messages).orElse(0));
    int seconds = portrait.intAttribute("rateLimitSeconds", platform.map(RateLimit::seconds).orElse(0));
    return messages >= 1 && seconds >= 1 ? Optional.of(new RateLimit(messages, seconds)) : Optional.empty();
  }

  public int getMessages() {
    return messages;
  }

  public int getSeconds() {
    return seconds;
  }
}

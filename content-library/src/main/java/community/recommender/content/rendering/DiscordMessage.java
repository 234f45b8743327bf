package community.recommender.content.rendering;

import community.recommender.engine.model.Platform;
import java.util.List;

/**
 * A Discord message: a short body goes in {@code content} as Markdown, a long one in embed
 * descriptions; images go in embeds of their own.
 */
public record DiscordMessage(String content, List<DiscordEmbed> embeds, List<LimitBreach> breaches)
    implements Rendering {

  public DiscordMessage {
    embeds = List.copyOf(embeds);
    breaches = List.copyOf(breaches);
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }
}

package community.recommender.content.rendering;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders an item for Discord, which reads Markdown itself: a body of at most 2,000 characters goes
 * in the message content; a longer one goes in embeds under the item's title, split at top-level
 * blocks into descriptions of at most 4,096 characters. Each image gets an embed of its own. More
 * than 10 embeds, or 6,000 characters across them, is refused.
 */
final class DiscordRenderer {
  private DiscordRenderer() {}

  static DiscordMessage render(ContentItem item, MediaLinks links) {
    List<BodyImage> shown = new ArrayList<>();
    List<String> blocks = MarkdownBody.blocksWithoutImages(item.getBody(), shown);
    String markdown = String.join("\n\n", blocks);
    List<LimitBreach> breaches = new ArrayList<>();
    List<DiscordEmbed> embeds = new ArrayList<>();
    String content = markdown;
    if (markdown.length() > PlatformLimits.DISCORD_CONTENT) {
      content = "";
      embeds.addAll(textEmbeds(title(item.getTitle()), blocks, breaches));
    }
    for (Map.Entry<String, String> image : ItemImages.of(item, shown, links).entrySet()) {
      embeds.add(new DiscordEmbed(null, null, image.getKey()));
    }
    if (embeds.size() > PlatformLimits.DISCORD_EMBEDS) {
      breaches.add(new LimitBreach(Platform.DISCORD, "embeds", PlatformLimits.DISCORD_EMBEDS, embeds.size()));
    }
    int total = embeds.stream().mapToInt(DiscordEmbed::length).sum();
    if (total > PlatformLimits.DISCORD_EMBED_TOTAL) {
      breaches.add(new LimitBreach(Platform.DISCORD, "characters across embeds", PlatformLimits.DISCORD_EMBED_TOTAL,
          total));
    }
    return new DiscordMessage(content, embeds, breaches);
  }

  /** The blocks packed into as few descriptions as fit, the first under {@code title}. */
  private static List<DiscordEmbed> textEmbeds(String title, List<String> blocks, List<LimitBreach> breaches) {
    List<DiscordEmbed> embeds = new ArrayList<>();
    StringBuilder description = new StringBuilder();
    for (String block : blocks) {
      if (block.length() > PlatformLimits.DISCORD_EMBED_DESCRIPTION) {
        breaches.add(new LimitBreach(Platform.DISCORD, "characters in one embed description",
            PlatformLimits.DISCORD_EMBED_DESCRIPTION, block.length()));
      }
      if (description.length() > 0
          && description.length() + 2 + block.length() > PlatformLimits.DISCORD_EMBED_DESCRIPTION) {
        embeds.add(new DiscordEmbed(embeds.isEmpty() ? title : null, description.toString(), null));
        description.setLength(0);
      }
      if (description.length() > 0) {
        description.append("\n\n");
      }
      description.append(block);
    }
    if (description.length() > 0) {
      embeds.add(new DiscordEmbed(embeds.isEmpty() ? title : null, description.toString(), null));
    }
    return embeds;
  }

  /** The title, cut with an ellipsis to the embed title limit. */
  private static String title(String title) {
    int max = PlatformLimits.DISCORD_EMBED_TITLE;
    return title.length() <= max ? title : title.substring(0, max - 1) + "…";
  }
}

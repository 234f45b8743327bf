package community.recommender.content.rendering;

import community.recommender.content.rendering.StyledTextWriter.LinkStyle;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders a content item's Markdown body for one platform, parsed by commonmark, within that
 * platform's {@link PlatformLimits}.
 */
public final class ContentRenderer {
  private final MediaLinks links;

  /** Stored images are addressed through {@code links}. */
  public ContentRenderer(MediaLinks links) {
    this.links = links;
  }

  /** The item made ready for {@code platform}, with any limit it goes over. */
  public Rendering render(ContentItem item, Platform platform) {
    return switch (platform) {
      case WECOM -> WeComRenderer.render(item, links);
      case TELEGRAM -> TelegramRenderer.render(item, links);
      case DISCORD -> DiscordRenderer.render(item, links);
      case SLACK -> SlackRenderer.render(item, links);
      case WECHAT -> copyByHand(item);
      case OTHER -> asWritten(item);
    };
  }

  /**
   * Every limit the item goes over, on every platform: an item with any is stored with a warning,
   * and never chosen for a group on that platform.
   */
  public List<LimitBreach> breaches(ContentItem item) {
    List<LimitBreach> all = new ArrayList<>();
    for (Platform platform : Platform.values()) {
      all.addAll(render(item, platform).breaches());
    }
    return all;
  }

  /** The platforms the item cannot be sent to as it is. */
  public List<Platform> unfitPlatforms(ContentItem item) {
    return breaches(item).stream().map(LimitBreach::platform).distinct().toList();
  }

  private CopyByHand copyByHand(ContentItem item) {
    StyledText text = StyledTextWriter.write(MarkdownBody.parse(item.getBody()), LinkStyle.INLINE_URL);
    return new CopyByHand(text.text(), List.copyOf(ItemImages.of(item, text.images(), links).keySet()));
  }

  private MarkdownText asWritten(ContentItem item) {
    StyledText text = StyledTextWriter.write(MarkdownBody.parse(item.getBody()), LinkStyle.INLINE_URL);
    return new MarkdownText(item.getBody(), List.copyOf(ItemImages.of(item, text.images(), links).keySet()));
  }
}

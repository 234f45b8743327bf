package community.recommender.content.rendering;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders an item for Slack: the title as a header block (cut to 150 characters) and notification
 * text, the body as one {@code markdown} block of standard Markdown (not legacy mrkdwn), then one
 * image block per image. A body over 12,000 characters is refused, since the limit is across every
 * markdown block of the message.
 */
final class SlackRenderer {
  private SlackRenderer() {}

  static SlackMessage render(ContentItem item, MediaLinks links) {
    List<BodyImage> shown = new ArrayList<>();
    String markdown = String.join("\n\n", MarkdownBody.blocksWithoutImages(item.getBody(), shown));
    List<SlackBlock> blocks = new ArrayList<>();
    blocks.add(SlackBlock.header(header(item.getTitle())));
    if (!markdown.isEmpty()) {
      blocks.add(SlackBlock.markdown(markdown));
    }
    for (Map.Entry<String, String> image : ItemImages.of(item, shown, links).entrySet()) {
      blocks.add(SlackBlock.image(image.getKey(), image.getValue().isEmpty() ? item.getTitle() : image.getValue()));
    }
    List<LimitBreach> breaches = new ArrayList<>();
    if (markdown.length() > PlatformLimits.SLACK_MARKDOWN) {
      breaches.add(new LimitBreach(Platform.SLACK, "characters of Markdown", PlatformLimits.SLACK_MARKDOWN,
          markdown.length()));
    }
    if (blocks.size() > PlatformLimits.SLACK_BLOCKS) {
      breaches.add(new LimitBreach(Platform.SLACK, "blocks", PlatformLimits.SLACK_BLOCKS, blocks.size()));
    }
    return new SlackMessage(item.getTitle(), blocks, breaches);
  }

  private static String header(String title) {
    int max = PlatformLimits.SLACK_HEADER;
    return title.length() <= max ? title : title.substring(0, max - 1) + "…";
  }
}

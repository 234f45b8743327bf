package community.recommender.content.rendering;

import community.recommender.content.rendering.StyledTextWriter.LinkStyle;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders an item for a WeCom customer group: plain text, images as image attachments and links as
 * link cards. A text over 4,000 bytes is refused rather than split: every mass message spends one of
 * the group's monthly sends, whoever sends it.
 */
final class WeComRenderer {
  private static final String ELLIPSIS = "…";

  private WeComRenderer() {}

  static WeComMessage render(ContentItem item, MediaLinks links) {
    StyledText text = StyledTextWriter.write(MarkdownBody.parse(item.getBody()), LinkStyle.LABEL_ONLY);
    List<WeComAttachment> attachments = new ArrayList<>();
    for (Map.Entry<String, String> image : ItemImages.of(item, text.images(), links).entrySet()) {
      attachments.add(new WeComAttachment(WeComAttachment.Kind.IMAGE, image.getKey(), image.getValue()));
    }
    for (BodyLink link : text.links()) {
      attachments.add(new WeComAttachment(WeComAttachment.Kind.LINK, link.url(),
          shortened(link.label(), PlatformLimits.WECOM_LINK_TITLE_BYTES)));
    }
    List<LimitBreach> breaches = new ArrayList<>();
    int bytes = text.text().getBytes(StandardCharsets.UTF_8).length;
    if (bytes > PlatformLimits.WECOM_TEXT_BYTES) {
      breaches.add(new LimitBreach(Platform.WECOM, "bytes of text", PlatformLimits.WECOM_TEXT_BYTES, bytes));
    }
    if (attachments.size() > PlatformLimits.WECOM_ATTACHMENTS) {
      breaches.add(new LimitBreach(Platform.WECOM, "attachments", PlatformLimits.WECOM_ATTACHMENTS,
          attachments.size()));
    }
    return new WeComMessage(text.text(), attachments, breaches);
  }

  /** {@code title} cut to at most {@code maxBytes} UTF-8 bytes, whole code points only, ending in an ellipsis. */
  static String shortened(String title, int maxBytes) {
    if (title.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return title;
    }
    int budget = maxBytes - ELLIPSIS.getBytes(StandardCharsets.UTF_8).length;
    StringBuilder kept = new StringBuilder();
    int used = 0;
    for (int i = 0; i < title.length(); ) {
      int codePoint = title.codePointAt(i);
      int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
      if (used + size > budget) {
        break;
      }
      kept.appendCodePoint(codePoint);
      used += size;
      i += Character.charCount(codePoint);
    }
    return kept + ELLIPSIS;
  }
}

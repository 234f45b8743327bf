package community.recommender.content.rendering;

import java.util.Objects;

/**
 * One Slack block.
 *
 * @param type {@code header}, {@code markdown} or {@code image}
 * @param text the header's plain text or the markdown block's Markdown; null for an image
 * @param imageUrl the image's address; null for text blocks
 * @param altText the image's alternative text; null for text blocks
 */
public record SlackBlock(String type, String text, String imageUrl, String altText) {

  public SlackBlock {
    Objects.requireNonNull(type, "type");
  }

  static SlackBlock header(String text) {
    return new SlackBlock("header", text, null, null);
  }

  static SlackBlock markdown(String text) {
    return new SlackBlock("markdown", text, null, null);
  }

  static SlackBlock image(String url, String altText) {
    return new SlackBlock("image", null, url, altText);
  }
}

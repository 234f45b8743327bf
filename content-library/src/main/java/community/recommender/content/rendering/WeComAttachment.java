package community.recommender.content.rendering;

import java.util.Objects;

/**
 * One attachment of a WeCom message: an image to upload, or a link card.
 *
 * @param kind what the attachment is
 * @param url the image's address, or the link's target
 * @param title the link card's title (at most 128 bytes); the image's alternative text for an image
 */
public record WeComAttachment(Kind kind, String url, String title) {

  /** The attachment kinds a rendering produces. */
  public enum Kind {
    IMAGE,
    LINK
  }

  public WeComAttachment {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(url, "url");
    title = title == null ? "" : title;
  }
}

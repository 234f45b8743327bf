package community.recommender.content.rendering;

/**
 * One Discord embed; any part may be null.
 *
 * @param title at most 256 characters
 * @param description Markdown, at most 4096 characters
 * @param imageUrl the image shown in the embed
 */
public record DiscordEmbed(String title, String description, String imageUrl) {

  /** The characters this embed counts towards the message's embed total. */
  int length() {
    return (title == null ? 0 : title.length()) + (description == null ? 0 : description.length());
  }
}

package community.recommender.content.rendering;

/**
 * What each platform accepts in one message, from its documentation (2025-2026); renderers keep
 * within these and report any they cannot.
 *
 * <p>Lengths are counted as the platform counts them: WeCom in UTF-8 bytes, Telegram in UTF-16 code
 * units after entities are taken out, Discord and Slack in characters (UTF-16 code units here, which
 * is never fewer than the platform counts).
 */
public final class PlatformLimits {
  /** WeCom customer-group text ({@code add_msg_template}), in UTF-8 bytes. */
  public static final int WECOM_TEXT_BYTES = 4000;
  /** WeCom attachments (images, link cards) in one message. */
  public static final int WECOM_ATTACHMENTS = 9;
  /** A WeCom link card's title, in UTF-8 bytes; longer titles are shortened with an ellipsis. */
  public static final int WECOM_LINK_TITLE_BYTES = 128;

  /** One Telegram message's text after entities are taken out. */
  public static final int TELEGRAM_TEXT = 4096;
  /** How many Telegram messages one suggestion may be split into, at block boundaries. */
  public static final int TELEGRAM_MESSAGES = 3;

  /** A Discord message's content. */
  public static final int DISCORD_CONTENT = 2000;
  /** Embeds in one Discord message. */
  public static final int DISCORD_EMBEDS = 10;
  /** Characters across all embeds of one Discord message (titles and descriptions). */
  public static final int DISCORD_EMBED_TOTAL = 6000;
  /** A Discord embed's title. */
  public static final int DISCORD_EMBED_TITLE = 256;
  /** A Discord embed's description. */
  public static final int DISCORD_EMBED_DESCRIPTION = 4096;

  /** Standard Markdown across the {@code markdown} blocks of one Slack message. */
  public static final int SLACK_MARKDOWN = 12000;
  /** A Slack {@code header} block's plain text; longer titles are shortened with an ellipsis. */
  public static final int SLACK_HEADER = 150;
  /** Blocks in one Slack message. */
  public static final int SLACK_BLOCKS = 50;

  private PlatformLimits() {}
}

package community.recommender.content.rendering;

import community.recommender.content.rendering.StyledTextWriter.LinkStyle;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Platform;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders an item for Telegram: text with entities, so nothing needs MarkdownV2 escaping. A body
 * over 4,096 characters is split at top-level blocks into at most three messages; a single block
 * over the limit, or a body needing more messages, is refused.
 */
final class TelegramRenderer {
  private TelegramRenderer() {}

  static TelegramMessages render(ContentItem item, MediaLinks links) {
    StyledText text = StyledTextWriter.write(MarkdownBody.parse(item.getBody()), LinkStyle.ENTITY);
    List<LimitBreach> breaches = new ArrayList<>();
    List<EntityText> messages = new ArrayList<>();
    List<Integer> starts = text.blockStarts();
    int partStart = 0;
    int longestBlock = 0;
    for (int i = 0; i < starts.size(); i++) {
      int blockEnd = i + 1 < starts.size() ? starts.get(i + 1) : text.text().length();
      longestBlock = Math.max(longestBlock, text.text().substring(starts.get(i), blockEnd).strip().length());
      if (blockEnd - partStart > PlatformLimits.TELEGRAM_TEXT && starts.get(i) > partStart) {
        messages.add(text.slice(partStart, starts.get(i)));
        partStart = starts.get(i);
      }
    }
    if (partStart < text.text().length() || messages.isEmpty()) {
      messages.add(text.slice(partStart, text.text().length()));
    }
    if (longestBlock > PlatformLimits.TELEGRAM_TEXT) {
      breaches.add(new LimitBreach(Platform.TELEGRAM, "characters in one message", PlatformLimits.TELEGRAM_TEXT,
          longestBlock));
    }
    if (messages.size() > PlatformLimits.TELEGRAM_MESSAGES) {
      breaches.add(new LimitBreach(Platform.TELEGRAM, "messages for one suggestion",
          PlatformLimits.TELEGRAM_MESSAGES, messages.size()));
    }
    List<String> photos = new ArrayList<>(ItemImages.of(item, text.images(), links).keySet());
    return new TelegramMessages(messages, photos, breaches);
  }
}

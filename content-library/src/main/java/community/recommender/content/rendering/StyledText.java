package community.recommender.content.rendering;

import java.util.ArrayList;
import java.util.List;

/**
 * A body written out as chat text: the text, the formatting spans over it, where each top-level
 * block starts (the places it may be split), and the images and links it named.
 */
record StyledText(String text, List<TextEntity> entities, List<Integer> blockStarts, List<BodyImage> images,
    List<BodyLink> links) {

  /**
   * The text from {@code start} to {@code end} with the spans inside it, counted from its own start;
   * trailing whitespace is dropped and spans are cut to what remains.
   */
  EntityText slice(int start, int end) {
    String part = text.substring(start, end).stripTrailing();
    List<TextEntity> inside = new ArrayList<>();
    for (TextEntity entity : entities) {
      if (entity.offset() >= start && entity.offset() < start + part.length()) {
        int length = Math.min(entity.length(), start + part.length() - entity.offset());
        if (length > 0) {
          inside.add(new TextEntity(entity.type(), entity.offset() - start, length, entity.url(), entity.language()));
        }
      }
    }
    return new EntityText(part, inside);
  }
}

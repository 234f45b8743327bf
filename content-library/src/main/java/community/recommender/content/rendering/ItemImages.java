package community.recommender.content.rendering;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.MediaAttachment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The images that go with an item, as addresses a chat tool can fetch: those its body shows, in
 * order, then its stored media the body does not show.
 */
final class ItemImages {
  private ItemImages() {}

  /** Each image's address mapped to its alternative text, in sending order. */
  static Map<String, String> of(ContentItem item, List<BodyImage> shown, MediaLinks links) {
    Map<String, String> images = new LinkedHashMap<>();
    List<String> stored = new ArrayList<>();
    item.getMedia().forEach(m -> stored.add(m.name()));
    for (BodyImage image : shown) {
      String url = stored.contains(image.source()) ? links.urlOf(item.getId(), image.source()) : image.source();
      images.putIfAbsent(url, image.altText());
    }
    for (MediaAttachment media : item.getMedia()) {
      images.putIfAbsent(links.urlOf(item.getId(), media.name()), "");
    }
    return images;
  }
}

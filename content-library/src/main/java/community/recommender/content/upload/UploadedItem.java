package community.recommender.content.upload;

import community.recommender.engine.model.ContentItem;
import java.util.List;

/**
 * An item read from an upload, with those of its images that came in the same upload.
 *
 * <p>An image the item names but that is not among {@code media} must already be stored for the
 * item, from an earlier upload.
 */
public record UploadedItem(ContentItem item, List<MediaFile> media) {

  public UploadedItem {
    media = List.copyOf(media);
  }
}

package community.recommender.content.index;

import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import java.time.Instant;

/**
 * What an editor searches the library for. Every filter is optional.
 *
 * @param text words to find in titles, bodies, tags and interests, in Chinese or English; null for all items
 * @param kind only items of this kind
 * @param tag only items with this tag
 * @param region only items that may be sent to this region: for it, for a region containing it, or for anywhere
 * @param status only items in this status; null for drafts and published items, leaving out archived ones
 * @param validAt only items valid at this instant
 * @param page the page, from 1
 * @param size items per page
 * @param order the order to list matches in; null for the best matches first when there is text, else the
 *     latest updated first
 */
public record ContentSearchRequest(String text, ContentKind kind, String tag, String region, ContentStatus status,
    Instant validAt, int page, int size, ContentOrder order) {

  public ContentSearchRequest {
    if (page < 1 || size < 1) {
      throw new IllegalArgumentException("page and size start at 1");
    }
  }

  /** A request listed in the default order. */
  public ContentSearchRequest(String text, ContentKind kind, String tag, String region, ContentStatus status,
      Instant validAt, int page, int size) {
    this(text, kind, tag, region, status, validAt, page, size, null);
  }
}

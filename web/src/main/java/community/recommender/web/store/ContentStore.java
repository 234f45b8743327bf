package community.recommender.web.store;

import community.recommender.content.upload.MediaFile;
import community.recommender.content.upload.UploadedItem;
import community.recommender.engine.model.ContentItem;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The content library's source of truth: every item, every version of it, and its images. */
public interface ContentStore {

  /** Stores {@code item} as a new item or as the next version of an existing one; answers the stored item. */
  Future<ContentItem> save(ContentItem item);

  /**
   * Stores {@code items} and their images in one transaction: all of them, or, when one names an
   * image that is neither among its files nor stored already, none of them.
   */
  Future<List<Saved>> saveAll(List<UploadedItem> items, String changedBy);

  /**
   * As {@link #saveAll(List, String)}, when every item is at a version {@code expected} admits; else
   * fails with {@link StaleVersion} and stores nothing. A null {@code expected} admits anything.
   */
  Future<List<Saved>> saveAll(List<UploadedItem> items, String changedBy, ExpectedVersion expected);

  /** The current version of the item with {@code id}. */
  Future<Optional<ContentItem>> find(String id);

  /**
   * Archives the item with {@code id} as its next version (or leaves it, when it is archived already);
   * empty when there is no such item. {@code expected}, when not null, is checked as by {@link #saveAll}.
   */
  Future<Optional<Saved>> archive(String id, String changedBy, ExpectedVersion expected);

  /** Every version of the item with {@code id}, newest first; empty when there is no such item. */
  Future<List<Version>> versions(String id);

  /** The image {@code name} of the item with {@code itemId}. */
  Future<Optional<MediaFile>> media(String itemId, String name);

  /** Up to {@code limit} items changed after {@code sequence}, in change order. */
  Future<List<Change>> changesAfter(long sequence, int limit);

  /** How many items there are, in any status. */
  Future<Long> count();

  /** An item as it was at a change sequence number. */
  record Change(ContentItem item, long sequence) {}

  /**
   * A stored item, whether this write created it, and whether it changed anything: an item sent
   * again as it is, with the same images, is left at its version.
   */
  record Saved(ContentItem item, boolean created, boolean changed) {

    /** {@code created}, {@code updated} or {@code unchanged}. */
    public String result() {
      return created ? "created" : changed ? "updated" : "unchanged";
    }
  }

  /** One version of an item: what it was, when it was stored and by whom. */
  record Version(ContentItem item, Instant storedAt, String changedBy) {}
}

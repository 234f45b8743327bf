package community.recommender.content.index;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import community.recommender.engine.model.ContentItem;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;

/**
 * Keeps recently read content items, so a decision does not decompress and parse the same
 * stored document again and again.
 *
 * <p>Entries are keyed by segment and document number. A document never changes inside a
 * segment (an update adds a new document elsewhere), so an entry can be stale only for a document
 * that searches no longer return; rarely used entries make room for new ones. Reads take no lock,
 * so decisions on every core share it without waiting on one another.
 */
final class ContentItemCache {
  private final Cache<Key, ContentItem> items;
  private final LongAdder decoded = new LongAdder();

  ContentItemCache(int capacity) {
    this.items = Caffeine.newBuilder().maximumSize(capacity).build();
  }

  /** How many stored documents were decoded into items: lookups the cache could not answer. */
  long decoded() {
    return decoded.sum();
  }

  /** The item stored as document {@code doc} of {@code searcher}'s reader. */
  ContentItem get(IndexSearcher searcher, int doc) throws IOException {
    LeafReaderContext leaf = searcher.getIndexReader().leaves()
        .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      decoded.increment();
      return ContentDocuments.toItem(searcher.storedFields().document(doc));
    }
    Key key = new Key(helper.getKey(), doc - leaf.docBase);
    ContentItem cached = items.getIfPresent(key);
    if (cached != null) {
      return cached;
    }
    // Two readers of one uncached document may both parse it; the item is the same either way.
    decoded.increment();
    ContentItem item = ContentDocuments.toItem(searcher.storedFields().document(doc));
    items.put(key, item);
    return item;
  }

  private record Key(IndexReader.CacheKey segment, int doc) {}
}

package community.recommender.content.index;

import community.recommender.engine.model.ContentItem;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * that searches no longer return; least recently used entries make room for new ones.
 */
final class ContentItemCache {
  private final Map<Key, ContentItem> items;

  ContentItemCache(int capacity) {
    this.items = new LinkedHashMap<>(capacity, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, ContentItem> eldest) {
        return size() > capacity;
      }
    };
  }

  /** The item stored as document {@code doc} of {@code searcher}'s reader. */
  ContentItem get(IndexSearcher searcher, int doc) throws IOException {
    LeafReaderContext leaf = searcher.getIndexReader().leaves()
        .get(ReaderUtil.subIndex(doc, searcher.getIndexReader().leaves()));
    IndexReader.CacheHelper helper = leaf.reader().getCoreCacheHelper();
    if (helper == null) {
      return ContentDocuments.toItem(searcher.storedFields().document(doc));
    }
    Key key = new Key(helper.getKey(), doc - leaf.docBase);
    synchronized (items) {
      ContentItem cached = items.get(key);
      if (cached != null) {
        return cached;
      }
    }
    ContentItem item = ContentDocuments.toItem(searcher.storedFields().document(doc));
    synchronized (items) {
      items.put(key, item);
    }
    return item;
  }

  private record Key(IndexReader.CacheKey segment, int doc) {}
}

package community.recommender.web.application.library;

import community.recommender.content.index.ContentIndex;
import community.recommender.engine.model.ContentItem;
import community.recommender.web.store.Futures;
import community.recommender.web.store.ContentStore;
import java.util.List;

/** Brings the Lucene index up to date with the content in PostgreSQL, batch by batch. */
public final class IndexCatchUp {
  private static final int BATCH = 500;

  private IndexCatchUp() {}

  /** Indexes every change the index has not seen; answers how many items were indexed. Blocks. */
  public static int run(ContentStore store, ContentIndex index) {
    int indexed = 0;
    while (true) {
      List<ContentStore.Change> changes = Futures.await(store.changesAfter(index.indexedThrough(), BATCH));
      if (changes.isEmpty()) {
        return indexed;
      }
      List<ContentItem> items = changes.stream().map(ContentStore.Change::item).toList();
      index.apply(items, changes.get(changes.size() - 1).sequence());
      indexed += items.size();
    }
  }
}

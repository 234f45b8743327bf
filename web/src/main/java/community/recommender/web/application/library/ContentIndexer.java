package community.recommender.web.application.library;

import community.recommender.content.index.ContentIndex;
import community.recommender.web.store.ContentStore;
import io.vertx.core.Future;
import community.recommender.web.application.Workers;

/**
 * Keeps the Lucene index up to date with PostgreSQL, one catch-up at a time, off the event loop.
 *
 * <p>Writes call {@link #catchUp()} before they answer, so an acknowledged item is searchable at
 * once; a timer calls it too, for changes other instances made. Catching up always reads from
 * the database, never from the request, so the index holds only what was committed.
 */
public final class ContentIndexer {
  private final ContentStore store;
  private final ContentIndex index;
  private final Workers worker;

  /** An indexer that writes on {@code worker}, which should have one thread: index writes are ordered. */
  public ContentIndexer(ContentStore store, ContentIndex index, Workers worker) {
    this.store = store;
    this.index = index;
    this.worker = worker;
  }

  /** Indexes every committed change the index has not seen; answers how many items it indexed. */
  public Future<Integer> catchUp() {
    return worker.run(() -> IndexCatchUp.run(store, index));
  }
}

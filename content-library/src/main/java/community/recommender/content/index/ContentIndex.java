package community.recommender.content.index;

import community.recommender.engine.model.ContentItem;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of the content library, on disk under the data dir.
 *
 * <p>The index is derived from the database: each commit records the change sequence number it
 * has caught up to, so a restart indexes only what changed, and a deleted folder is rebuilt.
 */
public final class ContentIndex implements Closeable {
  private static final String INDEXED_THROUGH = "indexedThrough";

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;

  private ContentIndex(FSDirectory directory, IndexWriter writer) throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, null);
  }

  /** Opens the index in {@code dir}, creating it when absent. */
  public static ContentIndex open(Path dir) {
    try {
      FSDirectory directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(ContentAnalyzer.create());
      config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
      return new ContentIndex(directory, new IndexWriter(directory, config));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the content index in " + dir, e);
    }
  }

  /** The change sequence number the index has caught up to; 0 for a new index. */
  public long indexedThrough() {
    for (Map.Entry<String, String> entry : writer.getLiveCommitData()) {
      if (entry.getKey().equals(INDEXED_THROUGH)) {
        return Long.parseLong(entry.getValue());
      }
    }
    return 0;
  }

  /** Adds or replaces {@code items}, records {@code sequence} as caught up, commits and refreshes. */
  public void apply(Collection<ContentItem> items, long sequence) {
    try {
      for (ContentItem item : items) {
        writer.updateDocument(new Term(ContentDocuments.ID, item.getId()), ContentDocuments.toDocument(item));
      }
      writer.setLiveCommitData(Map.of(INDEXED_THROUGH, Long.toString(sequence)).entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the content index", e);
    }
  }

  /** Number of items in the index. */
  public int size() {
    return writer.getDocStats().numDocs;
  }

  /** Runs {@code search} against a current searcher and releases it afterwards. */
  <T> T withSearcher(SearchFunction<T> search) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return search.apply(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search the content index", e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the content index", e);
    }
  }

  /** A search that may fail with an I/O error. */
  @FunctionalInterface
  interface SearchFunction<T> {
    T apply(IndexSearcher searcher) throws IOException;
  }
}

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
  private static final String SCHEMA = "schema";
  /** Raised whenever {@link ContentDocuments} changes what it indexes, so that older indexes are rebuilt. */
  private static final String CURRENT_SCHEMA = "4";

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
      IndexWriter writer = new IndexWriter(directory, config);
      if (!CURRENT_SCHEMA.equals(commitData(writer, SCHEMA))) {
        writer.deleteAll();
        writer.setLiveCommitData(Map.of(SCHEMA, CURRENT_SCHEMA, INDEXED_THROUGH, "0").entrySet());
        writer.commit();
      }
      return new ContentIndex(directory, writer);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the content index in " + dir, e);
    }
  }

  /** The change sequence number the index has caught up to; 0 for a new index. */
  public long indexedThrough() {
    String through = commitData(writer, INDEXED_THROUGH);
    return through == null ? 0 : Long.parseLong(through);
  }

  private static String commitData(IndexWriter writer, String key) {
    Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
    if (data != null) {
      for (Map.Entry<String, String> entry : data) {
        if (entry.getKey().equals(key)) {
          return entry.getValue();
        }
      }
    }
    return null;
  }

  /** Adds or replaces {@code items}, records {@code sequence} as caught up, commits and refreshes. */
  public synchronized void apply(Collection<ContentItem> items, long sequence) {
    try {
      for (ContentItem item : items) {
        writer.updateDocument(new Term(ContentDocuments.ID, item.getId()), ContentDocuments.toDocument(item));
      }
      writer.setLiveCommitData(Map.of(SCHEMA, CURRENT_SCHEMA, INDEXED_THROUGH, Long.toString(sequence)).entrySet());
      writer.commit();
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to the content index", e);
    }
  }

  /** Why the index cannot serve (closed, or broken by a failed write), or null when it can. */
  public String problem() {
    if (!writer.isOpen()) {
      Throwable tragic = writer.getTragicException();
      return tragic == null ? "the content index is closed" : "the content index failed: " + tragic;
    }
    return null;
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

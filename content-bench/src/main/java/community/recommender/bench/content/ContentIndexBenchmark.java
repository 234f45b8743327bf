package community.recommender.bench.content;

import community.recommender.content.index.ContentAnalyzer;
import community.recommender.content.index.ContentDocuments;
import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.ContentSearch;
import community.recommender.content.index.ContentSearchRequest;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;

/**
 * Measures bulk indexing of generated items through {@link ContentIndex}, against a raw Lucene
 * {@link IndexWriter} fed the same documents in the same run, then search latency over mixed queries.
 *
 * <p>The content index converts each item (JSON source, facets), replaces it by id and commits
 * every {@value #BATCH} items, as catching up from PostgreSQL does; the raw writer only adds
 * documents built beforehand and commits once. Their ratio is what the library's bookkeeping costs.
 */
public final class ContentIndexBenchmark {
  private static final int BATCH = 500;
  private static final int WARM_UP = 5_000;

  private ContentIndexBenchmark() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int queries = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Path work = Files.createTempDirectory("content-bench");
    try {
      System.out.printf("Generating %,d items...%n", count);
      List<ContentItem> items = GeneratedLibrary.generate(count, 42);
      List<ContentItem> warmUp = GeneratedLibrary.generate(WARM_UP, 7);
      raw(work.resolve("warm-raw"), documents(warmUp));
      library(work.resolve("warm-library"), warmUp).close();

      List<Document> documents = documents(items);
      double rawRate = count / raw(work.resolve("raw"), documents);
      documents = null;
      long started = System.nanoTime();
      ContentIndex index = library(work.resolve("library"), items);
      double libraryRate = count / seconds(started);
      System.out.printf("Bulk indexing %,d items (%d cores, Lucene, SmartChineseAnalyzer):%n", count,
          Runtime.getRuntime().availableProcessors());
      System.out.printf("  raw IndexWriter.addDocument, one commit:          %,10.0f items/s%n", rawRate);
      System.out.printf("  ContentIndex.apply, batches of %d, commit each:  %,10.0f items/s%n", BATCH, libraryRate);
      System.out.printf("  ratio ContentIndex / raw IndexWriter:             %10.2f%n", libraryRate / rawRate);
      try (index) {
        searchLatency(new ContentSearch(index), queries);
      }
    } finally {
      deleteTree(work);
    }
  }

  private static List<Document> documents(List<ContentItem> items) {
    List<Document> documents = new ArrayList<>(items.size());
    items.forEach(item -> documents.add(ContentDocuments.toDocument(item)));
    return documents;
  }

  /** Seconds the raw writer takes to add {@code documents} and commit. */
  private static double raw(Path dir, List<Document> documents) throws IOException {
    long started = System.nanoTime();
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ContentAnalyzer.create()))) {
      for (Document document : documents) {
        writer.addDocument(document);
      }
      writer.commit();
    }
    return seconds(started);
  }

  private static ContentIndex library(Path dir, List<ContentItem> items) {
    ContentIndex index = ContentIndex.open(dir);
    for (int from = 0; from < items.size(); from += BATCH) {
      int to = Math.min(items.size(), from + BATCH);
      index.apply(items.subList(from, to), to);
    }
    return index;
  }

  private static void searchLatency(ContentSearch search, int queries) {
    Random random = new Random(11);
    List<ContentSearchRequest> requests = new ArrayList<>();
    for (int i = 0; i < queries; i++) {
      requests.add(request(random));
    }
    requests.subList(0, Math.min(100, queries)).forEach(search::search);
    long[] nanos = new long[queries];
    long hits = 0;
    for (int i = 0; i < queries; i++) {
      long started = System.nanoTime();
      hits += search.search(requests.get(i)).total();
      nanos[i] = System.nanoTime() - started;
    }
    Arrays.sort(nanos);
    System.out.printf("Search over the same index, %,d mixed queries (text in zh/en, filters, facets, pages):%n",
        queries);
    System.out.printf("  p50 %.2f ms   p99 %.2f ms   max %.2f ms   (%,d hits in all)%n", nanos[queries / 2] / 1e6,
        nanos[(int) Math.ceil(queries * 0.99) - 1] / 1e6, nanos[queries - 1] / 1e6, hits);
  }

  /** Text in either language or none, with a random mix of kind, tag, region, status, date and page. */
  private static ContentSearchRequest request(Random random) {
    String text = switch (random.nextInt(4)) {
      case 0 -> GeneratedLibrary.pick(random, GeneratedLibrary.ZH_WORDS);
      case 1 -> GeneratedLibrary.pick(random, GeneratedLibrary.EN_WORDS) + " "
          + GeneratedLibrary.pick(random, GeneratedLibrary.EN_WORDS);
      case 2 -> GeneratedLibrary.pick(random, GeneratedLibrary.ZH_WORDS) + GeneratedLibrary.pick(random,
          GeneratedLibrary.ZH_WORDS);
      default -> null;
    };
    return new ContentSearchRequest(text,
        random.nextBoolean() ? ContentKind.values()[random.nextInt(3)] : null,
        random.nextInt(3) == 0 ? GeneratedLibrary.pick(random, GeneratedLibrary.TAGS) : null,
        random.nextInt(3) == 0 ? GeneratedLibrary.pick(random, GeneratedLibrary.REGIONS) : null,
        random.nextInt(4) == 0 ? ContentStatus.PUBLISHED : null,
        random.nextInt(4) == 0 ? Instant.parse("2026-05-01T00:00:00Z") : null,
        1 + random.nextInt(3), 20);
  }

  private static double seconds(long startedNanos) {
    return (System.nanoTime() - startedNanos) / 1e9;
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

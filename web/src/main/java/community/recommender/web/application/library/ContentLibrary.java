package community.recommender.web.application.library;

import community.recommender.content.format.ContentFormatException;
import community.recommender.content.index.ContentSearch;
import community.recommender.content.index.ContentSearchRequest;
import community.recommender.content.index.ContentSearchResults;
import community.recommender.content.upload.ContentProblem;
import community.recommender.content.upload.FileReading;
import community.recommender.content.upload.MediaFile;
import community.recommender.content.upload.UploadReader;
import community.recommender.content.upload.UploadedFile;
import community.recommender.engine.model.ContentItem;
import community.recommender.web.store.ContentGapStore;
import community.recommender.web.store.ContentStore;
import community.recommender.web.store.ExpectedVersion;
import community.recommender.web.store.OpenGap;
import community.recommender.web.store.SuggestionStore;
import community.recommender.web.store.ContentStore.Saved;
import io.vertx.core.Future;
import community.recommender.web.application.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The content library as editors use it: uploads read off the event loop, stored file by file, then indexed.
 *
 * <p>Each file is stored in its own transaction, so a file is kept whole or not at all; the
 * index catches up from the database before the answer goes out, so what was acknowledged can
 * be searched for at once.
 */
public final class ContentLibrary {
  /** The most gaps listed, or checked against newly published content, at once. */
  public static final int MAX_GAPS = 1000;

  private final UploadReader reader;
  private final ContentStore store;
  private final ContentIndexer indexer;
  private final ContentSearch search;
  private final Workers workers;
  private final SuggestionStore suggestions;
  private final ContentGapStore gaps;

  public ContentLibrary(UploadReader reader, ContentStore store, ContentIndexer indexer, ContentSearch search,
      Workers workers, SuggestionStore suggestions, ContentGapStore gaps) {
    this.reader = reader;
    this.store = store;
    this.indexer = indexer;
    this.search = search;
    this.workers = workers;
    this.suggestions = suggestions;
    this.gaps = gaps;
  }

  /** Reads and stores {@code files}; answers one report per file, in order. */
  public Future<List<FileReport>> upload(List<UploadedFile> files, String changedBy) {
    return upload(files, changedBy, null);
  }

  private Future<List<FileReport>> upload(List<UploadedFile> files, String changedBy, ExpectedVersion expected) {
    return workers.run(() -> reader.read(files)).compose(readings -> {
      Future<List<FileReport>> chain = Future.succeededFuture(new ArrayList<>());
      for (FileReading reading : readings) {
        chain = chain.compose(reports -> store(reading, changedBy, expected).map(report -> {
          reports.add(report);
          return reports;
        }));
      }
      return chain.compose(reports -> indexer.catchUp()
          .compose(indexed -> contentChanged(reports.stream().flatMap(r -> r.saved().stream()).toList()))
          .compose(changed -> closeGapsAnsweredBy(reports))
          .map(reports));
    });
  }

  private Future<FileReport> store(FileReading reading, String changedBy, ExpectedVersion expected) {
    if (!reading.accepted()) {
      return Future.succeededFuture(new FileReport(reading.file(), List.of(), reading.problems(), List.of()));
    }
    if (reading.isImage()) {
      return Future.succeededFuture(new FileReport(reading.file(), List.of(), List.of(), reading.usedBy()));
    }
    return store.saveAll(reading.items(), changedBy, expected)
        .map(saved -> new FileReport(reading.file(), saved, List.of(), List.of()))
        .recover(e -> {
          if (e instanceof ContentFormatException problem) {
            return Future.succeededFuture(new FileReport(reading.file(), List.of(), List.of(
                new ContentProblem(reading.file(), problem.line(), problem.field(), problem.fault(),
                    problem.getMessage())), List.of()));
          }
          return Future.failedFuture(e);
        });
  }

  /** Stores the items of a JSON body, all or none; fails with {@link ContentRejectedException}. */
  public Future<List<Saved>> submit(String json, String changedBy) {
    return submit(json, changedBy, null);
  }

  /**
   * As {@link #submit(String, String)}, when every item is at a version {@code expected} admits (null
   * admits any); else fails with {@link community.recommender.web.store.StaleVersion}.
   */
  public Future<List<Saved>> submit(String json, String changedBy, ExpectedVersion expected) {
    return upload(List.of(new UploadedFile("request body.json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8))),
        changedBy, expected).map(reports -> {
          FileReport report = reports.get(0);
          if (report.rejected()) {
            throw new ContentRejectedException(report.problems());
          }
          return report.saved();
        });
  }

  /** Gaps that the published items answer are closed; groups that still miss something record it again. */
  private Future<Void> closeGapsAnsweredBy(List<FileReport> reports) {
    List<ContentItem> published = reports.stream().flatMap(r -> r.saved().stream()).filter(Saved::changed)
        .map(Saved::item).toList();
    if (published.isEmpty()) {
      return Future.succeededFuture();
    }
    return gaps.open(MAX_GAPS).compose(open -> gaps.close(AnsweredGaps.among(open, published))).mapEmpty();
  }

  /** What the library lacks, the most waited-on first. */
  public Future<List<OpenGap>> gaps(int limit) {
    return gaps.open(Math.min(limit, MAX_GAPS));
  }

  /**
   * The groups the changed items may serve now, or whose pending suggestion one of them is, are
   * decided anew on their next poll; other groups keep what they have.
   */
  private Future<Void> contentChanged(List<Saved> saved) {
    List<ContentItem> changed = saved.stream().filter(Saved::changed).map(Saved::item).toList();
    return suggestions.supersedePendingAffectedBy(changed, "the content library changed").mapEmpty();
  }

  public Future<Optional<ContentItem>> find(String id) {
    return store.find(id);
  }

  /**
   * Archives the item, when it is at a version {@code expected} admits (null admits any); empty when
   * there is none.
   */
  public Future<Optional<Saved>> archive(String id, String changedBy, ExpectedVersion expected) {
    return store.archive(id, changedBy, expected)
        .compose(archived -> indexer.catchUp()
            .compose(indexed -> contentChanged(archived.stream().toList()))
            .map(archived));
  }

  public Future<List<ContentStore.Version>> versions(String id) {
    return store.versions(id);
  }

  public Future<Optional<MediaFile>> media(String id, String name) {
    return store.media(id, name);
  }

  public Future<ContentSearchResults> search(ContentSearchRequest request) {
    return workers.run(() -> search.search(request));
  }
}

package community.recommender.web.application.learning;

import community.recommender.engine.learning.EngagementModel;
import community.recommender.engine.learning.Segment;
import community.recommender.engine.model.ContentItem;
import community.recommender.web.application.library.ContentLibrary;
import community.recommender.web.store.EngagementStore;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** What learning knows: an item's performance per segment, and how shadow mode compared with the rules. */
public final class LearningService {
  private final ContentLibrary library;
  private final EngagementBoard board;
  private final EngagementStore store;

  public LearningService(ContentLibrary library, EngagementBoard board, EngagementStore store) {
    this.library = library;
    this.board = board;
    this.store = store;
  }

  /** Rebuilds the snapshot decisions read from the stored rewards now, rather than at the next refresh. */
  public Future<Void> refreshModel() {
    return board.refresh().mapEmpty();
  }

  /**
   * Item {@code contentId}'s performance in every segment it was posted in, as the latest snapshot
   * has it; empty when there is no such item.
   */
  public Future<Optional<ContentPerformance>> performance(String contentId) {
    return library.find(contentId).map(found -> found.map(item -> performanceOf(item, board.get())));
  }

  private static ContentPerformance performanceOf(ContentItem item, EngagementModel model) {
    List<ContentPerformance.SegmentPerformance> segments = model.evidenceOf(item.getId()).entrySet().stream()
        .sorted(Comparator.comparing((java.util.Map.Entry<Segment, ?> e) -> e.getKey().stage())
            .thenComparing(e -> e.getKey().interest()))
        .map(e -> new ContentPerformance.SegmentPerformance(e.getKey(), e.getValue(),
            model.posterior(item, e.getKey())))
        .toList();
    return new ContentPerformance(item.getId(), segments);
  }

  /** How learning's choices compared with the rules' for decisions made in [since, until) in {@code mode}. */
  public Future<EngagementStore.ShadowReport> compare(Instant since, Instant until, String mode) {
    return store.compare(since, until, mode);
  }
}

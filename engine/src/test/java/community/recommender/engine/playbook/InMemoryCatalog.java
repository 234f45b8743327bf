package community.recommender.engine.playbook;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentStatus;
import java.util.List;

/** A small in-memory stand-in for the content catalog port, filtering as the real one does. */
final class InMemoryCatalog implements ContentCatalog {
  private final List<ContentItem> items;
  private final boolean filterRegions;

  InMemoryCatalog(List<ContentItem> items) {
    this(items, true);
  }

  private InMemoryCatalog(List<ContentItem> items, boolean filterRegions) {
    this.items = items;
    this.filterRegions = filterRegions;
  }

  /** A careless catalog that lets items for any region through. */
  static InMemoryCatalog ignoringRegions(List<ContentItem> items) {
    return new InMemoryCatalog(items, false);
  }

  @Override
  public List<ContentMatch> find(CandidateQuery query) {
    return items.stream()
        .filter(i -> i.getStatus() == ContentStatus.PUBLISHED)
        .filter(i -> i.getKind() == query.kind())
        .filter(i -> query.tags().isEmpty() || query.tags().stream().anyMatch(i::hasTag))
        .filter(i -> !filterRegions || i.availableIn(query.region()))
        .filter(i -> i.getLanguage().equals(query.language()))
        .skip(query.offset())
        .limit(query.limit())
        .map(i -> new ContentMatch(i, 1.0))
        .toList();
  }
}

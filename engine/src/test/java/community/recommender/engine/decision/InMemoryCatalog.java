package community.recommender.engine.decision;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentStatus;
import java.util.List;

/** A small in-memory stand-in for the content catalog port, filtering as the real one does. */
final class InMemoryCatalog implements ContentCatalog {
  private final List<ContentItem> items;

  InMemoryCatalog(List<ContentItem> items) {
    this.items = items;
  }

  @Override
  public List<ContentMatch> find(CandidateQuery query) {
    return items.stream()
        .filter(i -> i.getStatus() == ContentStatus.PUBLISHED)
        .filter(i -> i.getKind() == query.kind())
        .filter(i -> query.tags().isEmpty() || query.tags().stream().anyMatch(i::hasTag))
        .filter(i -> i.getRegions().isEmpty() || i.getRegions().contains(query.region()))
        .filter(i -> i.getLanguage().equals(query.language()))
        .limit(query.limit())
        .map(i -> new ContentMatch(i, 1.0))
        .toList();
  }
}

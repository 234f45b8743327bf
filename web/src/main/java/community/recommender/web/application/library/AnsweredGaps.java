package community.recommender.web.application.library;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentStatus;
import community.recommender.web.store.OpenGap;
import java.util.Collection;
import java.util.List;

/**
 * Which open gaps newly published items answer: an item of the gap's kind and language, available
 * in its region, carrying one of its tags (when it names any) and serving its interests (when the
 * item names any). Groups whose gap is closed by mistake simply record it again on their next
 * decision; a gap left open by mistake goes when its groups' next decisions no longer meet it.
 */
final class AnsweredGaps {
  private AnsweredGaps() {}

  /** The keys of the gaps among {@code open} that one of {@code items} answers. */
  static List<String> among(Collection<OpenGap> open, Collection<ContentItem> items) {
    return open.stream()
        .filter(gap -> items.stream().anyMatch(item -> answers(item, gap)))
        .map(OpenGap::key)
        .toList();
  }

  static boolean answers(ContentItem item, OpenGap gap) {
    return item.getStatus() == ContentStatus.PUBLISHED
        && item.getKind() == gap.kind()
        && (item.getLanguage() == null || item.getLanguage().equalsIgnoreCase(gap.language()))
        && (gap.tags().isEmpty() || gap.tags().stream().anyMatch(item::hasTag))
        && (item.getInterests().isEmpty() || gap.interests().isEmpty() || item.servesAnyOf(gap.interests()))
        && (item.getRegions().isEmpty() || item.availableIn(gap.region()));
  }
}

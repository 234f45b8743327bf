package community.recommender.content.index;

import community.recommender.engine.model.ContentItem;
import java.util.List;
import java.util.Map;

/**
 * One page of search hits, with how many items matched in all and how they spread over kinds, tags and regions.
 *
 * @param total how many items matched
 * @param hits the items on the requested page, best first
 * @param facets for each of {@code kind}, {@code tag} and {@code region}, the count of matches per value,
 *     largest first; the region {@code *} counts items for anywhere
 */
public record ContentSearchResults(long total, List<Hit> hits, Map<String, Map<String, Integer>> facets) {

  /** A matching item and how well it matched. */
  public record Hit(ContentItem item, float score) {}
}

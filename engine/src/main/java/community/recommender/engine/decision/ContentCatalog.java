package community.recommender.engine.decision;

import java.util.ArrayList;
import java.util.List;

/** The port through which a decision finds content that may answer a need. */
public interface ContentCatalog {

  /**
   * Published items valid at the query's time that suit its region and language, best first: the
   * query's page of them, after skipping {@code offset} and at most {@code limit} long. Equally good
   * items keep one order from page to page while the catalog does not change.
   */
  List<ContentMatch> find(CandidateQuery query);

  /**
   * The page of each of {@code queries}, in their order, each exactly as {@link #find} answers it.
   *
   * <p>A decision asks for all its needs' pages at once, so that a catalog can answer them in a single
   * search; this default asks for each page on its own.
   */
  default List<List<ContentMatch>> findEach(List<CandidateQuery> queries) {
    List<List<ContentMatch>> pages = new ArrayList<>(queries.size());
    for (CandidateQuery query : queries) {
      pages.add(find(query));
    }
    return pages;
  }
}

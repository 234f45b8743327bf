package community.recommender.engine.decision;

import java.util.List;

/** The port through which a decision finds content that may answer a need. */
public interface ContentCatalog {

  /**
   * Published items valid at the query's time that suit its region and language, best first: the
   * query's page of them, after skipping {@code offset} and at most {@code limit} long. Equally good
   * items keep one order from page to page while the catalog does not change.
   */
  List<ContentMatch> find(CandidateQuery query);
}

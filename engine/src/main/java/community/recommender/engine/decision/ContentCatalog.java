package community.recommender.engine.decision;

import java.util.List;

/** The port through which a decision finds content that may answer a need. */
public interface ContentCatalog {

  /** Published items valid at the query's time that suit its region and language, best first. */
  List<ContentMatch> find(CandidateQuery query);
}

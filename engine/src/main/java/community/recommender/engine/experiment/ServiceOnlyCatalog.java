package community.recommender.engine.experiment;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.ContentMatch;
import java.util.List;

/**
 * The catalog a holdout group decides from: only items tagged {@value #SERVICE}, whatever tags the
 * rules or a fallback ask for, so the rules still pace and veto what the group gets.
 */
public final class ServiceOnlyCatalog implements ContentCatalog {
  /** The tag of the items a holdout group may still get. */
  public static final String SERVICE = "service";

  private final ContentCatalog catalog;

  public ServiceOnlyCatalog(ContentCatalog catalog) {
    this.catalog = catalog;
  }

  @Override
  public List<ContentMatch> find(CandidateQuery query) {
    return catalog.find(serviceOnly(query));
  }

  @Override
  public List<List<ContentMatch>> findEach(List<CandidateQuery> queries) {
    return catalog.findEach(queries.stream().map(ServiceOnlyCatalog::serviceOnly).toList());
  }

  private static CandidateQuery serviceOnly(CandidateQuery query) {
    return new CandidateQuery(query.kind(), List.of(SERVICE), query.interests(), query.region(), query.language(),
        query.at(), query.offset(), query.limit());
  }
}

package community.recommender.engine.decision;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Reason;
import java.util.List;

/** A candidate that rules vetoed, with each veto's rule and reason. */
public record DroppedCandidate(ContentItem content, List<Reason> vetoes) {}

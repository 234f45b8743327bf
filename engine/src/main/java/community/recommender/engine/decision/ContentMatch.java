package community.recommender.engine.decision;

import community.recommender.engine.model.ContentItem;

/** A content item the catalog found, with how well it matched the query. */
public record ContentMatch(ContentItem item, double relevance) {}

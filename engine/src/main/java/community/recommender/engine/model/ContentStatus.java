package community.recommender.engine.model;

/** Where a content item stands in its editorial life; only published items are suggested. */
public enum ContentStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}

package community.recommender.engine.model;

/** Why members gathered: around a product, an interest, a brand, knowledge or a tool. */
public enum CommunityType {
  PRODUCT,
  INTEREST,
  BRAND,
  KNOWLEDGE,
  TOOL
}

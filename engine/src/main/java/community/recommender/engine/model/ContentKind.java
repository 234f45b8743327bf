package community.recommender.engine.model;

/** What a piece of content asks of a group: to read, to take part, or to buy. */
public enum ContentKind {
  POST,
  ACTIVITY,
  OFFER
}

package community.recommender.engine.model;

/** Where a group is in its life, from newly formed to gone silent. */
public enum Stage {
  NEW,
  GROWING,
  MATURE,
  DECLINING,
  DORMANT
}

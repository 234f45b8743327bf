package community.recommender.engine.learning;

/** The most specific evidence a posterior rests on, from the item in the segment down to nothing. */
public enum Basis {
  /** Posts of this item in this segment. */
  SEGMENT,
  /** Posts of this item in other segments. */
  ITEM,
  /** Posts in this segment of items sharing a tag with it. */
  TAGS,
  /** Posts in this segment of items of its kind. */
  KIND,
  /** Nothing yet: the documented default prior. */
  DEFAULT
}

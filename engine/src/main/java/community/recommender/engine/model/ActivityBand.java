package community.recommender.engine.model;

/** A coarse reading of a group's activity level, for rules to match on. */
public enum ActivityBand {
  DORMANT,
  QUIET,
  ACTIVE,
  HOT;

  /** The band a level from 0 to 100 falls in: DORMANT below 5, QUIET below 25, ACTIVE below 60, HOT from 60. */
  public static ActivityBand ofLevel(int level) {
    if (level < 5) {
      return DORMANT;
    }
    if (level < 25) {
      return QUIET;
    }
    if (level < 60) {
      return ACTIVE;
    }
    return HOT;
  }
}

package community.recommender.engine.model;

/** Whether a group's last week was livelier than its usual week. */
public enum Trend {
  RISING,
  STEADY,
  FALLING
}

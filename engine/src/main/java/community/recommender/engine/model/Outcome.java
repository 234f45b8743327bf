package community.recommender.engine.model;

/** What became of a suggestion after it was made. */
public enum Outcome {
  /** Not yet reported on: waiting for a chat tool, or handed to one that has not answered. */
  PENDING,
  POSTED,
  SKIPPED,
  FAILED
}

package community.recommender.web.store;

/** Thrown when an item is not at the version its editor expected; nothing was written. */
public final class StaleVersion extends RuntimeException {
  public StaleVersion(String message) {
    super(message);
  }
}

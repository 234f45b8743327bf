package community.recommender.web.application.suggestions;

/** A poll ended because this node is shutting down: ask again, and another node (or this one restarted) answers. */
public final class NodeDraining extends RuntimeException {
  /** How long a client should wait before it asks again. */
  public static final long RETRY_AFTER_SECONDS = 2;

  public NodeDraining() {
    super("this node is shutting down; poll again in " + RETRY_AFTER_SECONDS + " s");
  }
}

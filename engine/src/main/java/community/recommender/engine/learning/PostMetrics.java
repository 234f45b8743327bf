package community.recommender.engine.learning;

/**
 * What followed one post, as the chat tool counted it: members' reactions, replies, clicks and orders,
 * and the complaints and leaves that came after it.
 */
public record PostMetrics(long reactions, long replies, long clicks, long orders, long complaints, long leaves) {
  /** A post nobody answered. */
  public static final PostMetrics NONE = new PostMetrics(0, 0, 0, 0, 0, 0);

  public PostMetrics {
    if (reactions < 0 || replies < 0 || clicks < 0 || orders < 0 || complaints < 0 || leaves < 0) {
      throw new IllegalArgumentException("metrics are counts, never negative");
    }
  }

  /**
   * The larger of each count here and in {@code later}: counts only grow, so a report that arrives
   * late with older, smaller counts changes nothing, and the same report sent twice counts once.
   */
  public PostMetrics merge(PostMetrics later) {
    return new PostMetrics(Math.max(reactions, later.reactions), Math.max(replies, later.replies),
        Math.max(clicks, later.clicks), Math.max(orders, later.orders), Math.max(complaints, later.complaints),
        Math.max(leaves, later.leaves));
  }
}

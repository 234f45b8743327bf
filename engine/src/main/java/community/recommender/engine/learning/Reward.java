package community.recommender.engine.learning;

/**
 * The reward of one post: how much it engaged the group's active members, from 0 to 1.
 *
 * <pre>
 *   points = reactions + 2·replies + clicks + 3·orders − 3·complaints − 5·leaves
 *   reward = clamp(points / activeMembers, 0, 1)
 * </pre>
 *
 * A reply costs a member more than a reaction and starts a conversation, so it weighs double; an
 * order is what a community is for in the end. Complaints and leaves that followed the post count
 * against it, a leave most, since that member is gone. Dividing by the active members makes a post in
 * a 30-member group comparable with one in a 500-member group; the clamp keeps each post one
 * Bernoulli-like trial, so that no single viral post outweighs many ordinary ones in the posterior.
 */
public final class Reward {
  static final int REPLY_WEIGHT = 2;
  static final int ORDER_WEIGHT = 3;
  static final int COMPLAINT_WEIGHT = 3;
  static final int LEAVE_WEIGHT = 5;

  private Reward() {}

  /** The points of a post before dividing by the audience; negative when complaints and leaves dominate. */
  public static long points(PostMetrics m) {
    return m.reactions() + REPLY_WEIGHT * m.replies() + m.clicks() + ORDER_WEIGHT * m.orders()
        - COMPLAINT_WEIGHT * m.complaints() - LEAVE_WEIGHT * m.leaves();
  }

  /** The reward of a post with metrics {@code m} in a group of {@code activeMembers} (at least 1 counts). */
  public static double of(PostMetrics m, long activeMembers) {
    double perMember = (double) points(m) / Math.max(1, activeMembers);
    return Math.max(0, Math.min(1, perMember));
  }
}

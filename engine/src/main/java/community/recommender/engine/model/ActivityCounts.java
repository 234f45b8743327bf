package community.recommender.engine.model;

/**
 * Counts a chat tool reports for one time window, or their sum over several windows.
 *
 * <p>{@code activeMembers} is summed across windows like the other counts, so over a week it
 * reads as member-windows rather than distinct members.
 */
public final class ActivityCounts {
  /** No activity at all. */
  public static final ActivityCounts NONE = new ActivityCounts(0, 0, 0, 0, 0, 0, 0, 0);

  private final long messages;
  private final long activeMembers;
  private final long joins;
  private final long leaves;
  private final long reactions;
  private final long clicks;
  private final long orders;
  private final long complaints;

  public ActivityCounts(
      long messages,
      long activeMembers,
      long joins,
      long leaves,
      long reactions,
      long clicks,
      long orders,
      long complaints) {
    this.messages = messages;
    this.activeMembers = activeMembers;
    this.joins = joins;
    this.leaves = leaves;
    this.reactions = reactions;
    this.clicks = clicks;
    this.orders = orders;
    this.complaints = complaints;
  }

  public long getMessages() {
    return messages;
  }

  public long getActiveMembers() {
    return activeMembers;
  }

  public long getJoins() {
    return joins;
  }

  public long getLeaves() {
    return leaves;
  }

  public long getReactions() {
    return reactions;
  }

  public long getClicks() {
    return clicks;
  }

  public long getOrders() {
    return orders;
  }

  public long getComplaints() {
    return complaints;
  }

  /** The share of messages that were complaints, from 0 to 1; 0 when nobody spoke. */
  public double getComplaintShare() {
    return messages == 0 ? 0 : Math.min(1.0, (double) complaints / messages);
  }
}

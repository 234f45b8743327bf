package community.recommender.engine.model;

/**
 * How members of a segment engaged with one content item: the mean reward of its posts there, and
 * how many posts that mean rests on.
 *
 * <p>When the item has no posts in the segment yet, the mean is the cold-start estimate (the item
 * in other segments, else items with its tags, else its kind) and the evidence is 0, so a rule can
 * tell an item that is proven poor from one that is merely new.
 *
 * @param mean the expected reward of one post, from 0 to 1 (engagement per active member)
 * @param evidence posts in this segment whose reward is known
 */
public record Engagement(double mean, long evidence) {
  /** An item nothing is known about. */
  public static final Engagement UNKNOWN = new Engagement(0, 0);

  public double getMean() {
    return mean;
  }

  public long getEvidence() {
    return evidence;
  }
}

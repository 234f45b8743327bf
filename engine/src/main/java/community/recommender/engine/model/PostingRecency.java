package community.recommender.engine.model;

/**
 * How many whole days ago a post, an offer and an activity were last posted in a group.
 *
 * <p>Each is null when nothing of that kind was ever posted there, so that a constraint such as
 * {@code daysSinceLastOffer < 7} is false for a group that never had an offer, rather than true
 * as a sentinel such as -1 would make it. 0 means within the last 24 hours.
 */
public final class PostingRecency {
  /** Nothing was ever posted. */
  public static final PostingRecency NEVER = new PostingRecency(null, null, null);

  private final Integer daysSinceLastPost;
  private final Integer daysSinceLastOffer;
  private final Integer daysSinceLastActivity;

  public PostingRecency(Integer daysSinceLastPost, Integer daysSinceLastOffer, Integer daysSinceLastActivity) {
    this.daysSinceLastPost = daysSinceLastPost;
    this.daysSinceLastOffer = daysSinceLastOffer;
    this.daysSinceLastActivity = daysSinceLastActivity;
  }

  /** Days since content of kind POST was last posted, or null when never. */
  public Integer getDaysSinceLastPost() {
    return daysSinceLastPost;
  }

  /** Days since content of kind OFFER was last posted, or null when never. */
  public Integer getDaysSinceLastOffer() {
    return daysSinceLastOffer;
  }

  /** Days since content of kind ACTIVITY was last posted, or null when never. */
  public Integer getDaysSinceLastActivity() {
    return daysSinceLastActivity;
  }
}

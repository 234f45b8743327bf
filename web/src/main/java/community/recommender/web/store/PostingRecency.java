package community.recommender.web.store;

/**
 * How many whole days ago a post, an offer and an activity were last posted in a group, as the
 * group's API view shows them; each null when never. Rules read the same from {@code History}.
 */
public record PostingRecency(Integer daysSinceLastPost, Integer daysSinceLastOffer, Integer daysSinceLastActivity) {
  /** Nothing was ever posted. */
  public static final PostingRecency NEVER = new PostingRecency(null, null, null);
}

package community.recommender.engine.learning;

/** Rewards summed over posts: how many posts are known and what they earned together. */
public record Evidence(long posts, double rewardSum) {
  /** No posts. */
  public static final Evidence NONE = new Evidence(0, 0);

  public Evidence plus(Evidence other) {
    return new Evidence(posts + other.posts, rewardSum + other.rewardSum);
  }

  /** The mean reward, shrunk towards {@code priorMean} as if {@code priorPosts} posts had earned it. */
  public double meanShrunkTo(double priorMean, double priorPosts) {
    return (rewardSum + priorPosts * priorMean) / (posts + priorPosts);
  }
}

package community.recommender.engine.learning;

/**
 * How far learning may move a decision: its mode, the largest bonus, and how much it may explore.
 *
 * @param maxBonus the bonus the best draw among the candidates gets; the others get theirs in
 *     proportion to their draws (0 to 100, default 20)
 * @param maturityPosts posts in a segment after which an item is mature and always drawn for
 * @param newItemTrialShare the share of decisions in which an item with no posts yet is drawn for
 *     (the rest use its posterior mean); it ramps up linearly to 1 at {@code maturityPosts}
 * @param offerExplorationShare the share of decisions in which offers may be drawn for at all; in the
 *     others every offer's bonus comes from its posterior mean, whatever its maturity: an offer that
 *     flops costs goodwill
 */
public record LearningPolicy(LearningMode mode, int maxBonus, int maturityPosts, double newItemTrialShare,
    double offerExplorationShare) {
  /** The documented defaults: shadow mode, 20 points, mature at 20 posts, 20% trials, offers at most 10%. */
  public static final LearningPolicy DEFAULT = new LearningPolicy(LearningMode.SHADOW, 20, 20, 0.2, 0.1);

  public LearningPolicy {
    if (maxBonus < 0 || maxBonus > 100) {
      throw new IllegalArgumentException("learningBonus must be from 0 to 100, not " + maxBonus);
    }
    if (maturityPosts < 1) {
      throw new IllegalArgumentException("maturityPosts must be at least 1, not " + maturityPosts);
    }
    if (!(newItemTrialShare >= 0 && newItemTrialShare <= 1) || !(offerExplorationShare >= 0 && offerExplorationShare <= 1)) {
      throw new IllegalArgumentException("shares must be from 0 to 1");
    }
  }

  public LearningPolicy withMode(LearningMode newMode) {
    return new LearningPolicy(newMode, maxBonus, maturityPosts, newItemTrialShare, offerExplorationShare);
  }

  /**
   * The share of decisions in which an item with {@code posts} posts in the segment is drawn for:
   * the maturity ramp, from {@code newItemTrialShare} with no posts up to 1 at {@code maturityPosts}.
   * Offers are drawn for only in the decisions that the offer cap lets explore at all, a further
   * {@code offerExplorationShare} of them (see {@link ThompsonSampling}).
   */
  public double explorationShare(long posts) {
    return posts >= maturityPosts ? 1 : newItemTrialShare + (1 - newItemTrialShare) * posts / (double) maturityPosts;
  }
}

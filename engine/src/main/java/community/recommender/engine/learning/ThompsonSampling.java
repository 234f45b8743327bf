package community.recommender.engine.learning;

import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.ContentKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * Ranks the candidates the rules allow by their rule score plus a bonus drawn from each one's
 * posterior (Thompson sampling).
 *
 * <p>The candidate with the highest draw gets {@link LearningPolicy#maxBonus()}, every other one
 * its share in proportion to its draw, so the bonus never leaves 0 to maxBonus and an unproven
 * segment (all draws alike) moves nothing. Each candidate draws from its own random stream, seeded
 * from the decision's seed and its content id: the same decision draws the same values whatever the
 * order candidates were found in.
 *
 * <p>Offers explore only in the decisions whose own coin, tossed once from the seed, falls within
 * {@link LearningPolicy#offerExplorationShare()}; in every other decision each offer counts at its
 * posterior mean. One coin per decision, rather than one per offer, keeps the share of offer decisions
 * that explore at the cap: a coin per offer would let the luckiest of several explored draws win more
 * often than its share.
 */
public final class ThompsonSampling {
  /** Salts the seed for the decision's one offer coin. */
  private static final long OFFER_COIN = 0x6F66666572436F69L;

  /** How many draws an explanation keeps: the winner and the runners-up. */
  public static final int SHOWN = 5;

  private final LearningPolicy policy;

  public ThompsonSampling(LearningPolicy policy) {
    this.policy = policy;
  }

  /** A candidate the rules allow, with the score they gave it. */
  public record Contender(Candidate candidate, int ruleScore) {}

  /**
   * The seed of a decision for {@code groupId} at {@code now} under rule set {@code ruleSetVersion}:
   * the same decision, repeated or simulated, draws the same.
   */
  public static long seedOf(String groupId, Instant now, long ruleSetVersion) {
    long h = 0x9E3779B97F4A7C15L;
    for (byte b : groupId.getBytes(StandardCharsets.UTF_8)) {
      h = mix(h ^ b);
    }
    return mix(mix(h ^ now.getEpochSecond()) ^ now.getNano() ^ mix(ruleSetVersion));
  }

  /** Draws for every contender and ranks them, best total first (ties: rule score, relevance, id). */
  public List<Draw> rank(List<Contender> contenders, Segment segment, EngagementModel model, long seed) {
    return rank(contenders, c -> model.posterior(c.getContent(), segment), seed);
  }

  /** As {@link #rank(List, Segment, EngagementModel, long)}, with each candidate's posterior already looked up. */
  public List<Draw> rank(List<Contender> contenders, Function<Candidate, Posterior> posteriorOf, long seed) {
    List<double[]> values = new ArrayList<>();
    List<Posterior> posteriors = new ArrayList<>();
    List<Boolean> explored = new ArrayList<>();
    double top = 0;
    boolean offersExplore = new SplittableRandom(mix(seed ^ OFFER_COIN)).nextDouble() < policy.offerExplorationShare();
    for (Contender contender : contenders) {
      Candidate c = contender.candidate();
      Posterior posterior = posteriorOf.apply(c);
      SplittableRandom random = new SplittableRandom(seed ^ mix(c.getId().hashCode() * 0xBF58476D1CE4E5B9L));
      boolean explore = random.nextDouble() < policy.explorationShare(posterior.posts())
          && (offersExplore || c.getKind() != ContentKind.OFFER);
      double value = explore ? posterior.sample(random) : posterior.mean();
      posteriors.add(posterior);
      explored.add(explore);
      values.add(new double[] {value});
      top = Math.max(top, value);
    }
    List<Ranked> ranked = new ArrayList<>();
    for (int i = 0; i < contenders.size(); i++) {
      Contender contender = contenders.get(i);
      double value = values.get(i)[0];
      int bonus = top <= 0 ? 0 : (int) Math.round(policy.maxBonus() * value / top);
      Candidate c = contender.candidate();
      ranked.add(new Ranked(c, new Draw(c.getId(), c.getKind(), posteriors.get(i), explored.get(i), value, bonus,
          contender.ruleScore())));
    }
    ranked.sort(BEST_FIRST);
    List<Draw> draws = new ArrayList<>(ranked.size());
    ranked.forEach(r -> draws.add(r.draw));
    return draws;
  }

  private record Ranked(Candidate candidate, Draw draw) {}

  private static final Comparator<Ranked> BEST_FIRST = Comparator.comparingInt((Ranked r) -> r.draw.total()).reversed()
      .thenComparing(Comparator.comparingInt((Ranked r) -> r.draw.ruleScore()).reversed())
      .thenComparing(Comparator.comparingDouble((Ranked r) -> r.candidate.getRelevance()).reversed())
      .thenComparing(r -> r.candidate.getId());

  /** SplitMix64's finaliser: spreads nearby seeds far apart. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

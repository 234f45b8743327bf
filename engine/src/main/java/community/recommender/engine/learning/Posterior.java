package community.recommender.engine.learning;

import community.recommender.engine.model.Engagement;
import java.util.SplittableRandom;

/**
 * A Beta posterior of one item's reward in one segment.
 *
 * <p>Each post is a fractional Bernoulli trial: a reward r adds r to alpha and 1 − r to beta. The
 * mean is alpha / (alpha + beta); its spread narrows as posts come in, which is what lets Thompson
 * sampling try the uncertain and settle on the proven.
 *
 * @param posts posts of this item in this segment with a known reward (0 for a cold start)
 * @param basis the most specific evidence behind it
 */
public record Posterior(double alpha, double beta, long posts, Basis basis) {
  public Posterior {
    if (!(alpha > 0) || !(beta > 0)) {
      throw new IllegalArgumentException("a Beta posterior needs alpha > 0 and beta > 0, not " + alpha + ", " + beta);
    }
  }

  public double mean() {
    return alpha / (alpha + beta);
  }

  /** One draw from this posterior. */
  public double sample(SplittableRandom random) {
    double x = gamma(alpha, random);
    double y = gamma(beta, random);
    return x + y == 0 ? mean() : x / (x + y);
  }

  /** What rules see of it. */
  public Engagement engagement() {
    return new Engagement(mean(), posts);
  }

  /**
   * A Gamma(shape, 1) draw: Marsaglia and Tsang's method, boosted for shapes below 1 (a cold-start
   * prior of 2 posts at a low mean has alpha well below 1).
   */
  static double gamma(double shape, SplittableRandom random) {
    if (shape < 1) {
      double u = random.nextDouble();
      return gamma(shape + 1, random) * Math.pow(u, 1 / shape);
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x;
      double v;
      do {
        x = gaussian(random);
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      double u = random.nextDouble();
      if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
        return d * v;
      }
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u1 = random.nextDouble();
    double u2 = random.nextDouble();
    return Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }
}

package community.recommender.engine.experiment;

import java.util.Objects;

/**
 * One arm of an experiment: its name, its share of the groups, and what its groups get.
 *
 * @param weight the arm's share relative to the other arms' weights, from 1
 */
public record Arm(String name, int weight, Treatment treatment) {

  public Arm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(treatment, "treatment");
    if (weight < 1) {
      throw new IllegalArgumentException("an arm's weight is 1 or more: " + weight);
    }
  }
}

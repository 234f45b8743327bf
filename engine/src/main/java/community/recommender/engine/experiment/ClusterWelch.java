package community.recommender.engine.experiment;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's two-sample t-test with the group as the unit: each group contributes one value (its change
 * from its own baseline), so members of one group, who influence each other, are never counted as
 * independent observations.
 */
public final class ClusterWelch {
  private ClusterWelch() {}

  /**
   * The treatment's values against the control's at 95%; empty when either side has fewer than two
   * groups, since no spread can be estimated then.
   */
  public static Optional<Comparison> compare(List<Double> control, List<Double> treatment) {
    if (control.size() < 2 || treatment.size() < 2) {
      return Optional.empty();
    }
    double meanControl = mean(control);
    double meanTreatment = mean(treatment);
    double shareControl = variance(control, meanControl) / control.size();
    double shareTreatment = variance(treatment, meanTreatment) / treatment.size();
    double difference = meanTreatment - meanControl;
    double standardError = Math.sqrt(shareControl + shareTreatment);
    if (standardError == 0) {
      return Optional.of(new Comparison(difference, difference, difference, difference == 0 ? 1 : 0,
          control.size() + treatment.size() - 2));
    }
    double df = Math.pow(shareControl + shareTreatment, 2)
        / (shareControl * shareControl / (control.size() - 1) + shareTreatment * shareTreatment / (treatment.size() - 1));
    TDistribution t = new TDistribution(null, df);
    double margin = t.inverseCumulativeProbability(0.975) * standardError;
    double p = 2 * t.cumulativeProbability(-Math.abs(difference / standardError));
    return Optional.of(new Comparison(difference, difference - margin, difference + margin, p, df));
  }

  /** The arithmetic mean; 0 for no values. */
  public static double mean(List<Double> values) {
    return values.isEmpty() ? 0 : values.stream().mapToDouble(Double::doubleValue).sum() / values.size();
  }

  /** The sample standard deviation (n - 1); 0 for fewer than two values. */
  public static double standardDeviation(List<Double> values) {
    return Math.sqrt(variance(values, mean(values)));
  }

  private static double variance(List<Double> values, double mean) {
    if (values.size() < 2) {
      return 0;
    }
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return sum / (values.size() - 1);
  }
}

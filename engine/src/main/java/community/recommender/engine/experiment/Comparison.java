package community.recommender.engine.experiment;

/**
 * An arm against the control: the difference of their mean per-group changes, its 95% interval and
 * p-value from Welch's test over groups.
 *
 * @param difference the arm's mean change minus the control's
 * @param low the lower end of the 95% confidence interval of the difference
 * @param high the upper end
 * @param degreesOfFreedom Welch–Satterthwaite degrees of freedom
 */
public record Comparison(double difference, double low, double high, double pValue, double degreesOfFreedom) {

  /** Whether the interval lies wholly above zero (the arm did better) or below (worse). */
  public int direction() {
    return low > 0 ? 1 : high < 0 ? -1 : 0;
  }
}

package community.recommender.engine.experiment;

/**
 * One group's metric before and during an experiment, each per member per week.
 *
 * @param baseline the rate in the baseline period before the start
 * @param during the rate since the start
 */
public record GroupChange(String groupId, double baseline, double during) {

  /** How far the group moved from its own baseline: the unit the analysis compares. */
  public double change() {
    return during - baseline;
  }
}

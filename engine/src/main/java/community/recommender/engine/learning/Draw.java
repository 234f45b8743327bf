package community.recommender.engine.learning;

import community.recommender.engine.model.ContentKind;

/**
 * One candidate's part in a Thompson-sampling arbitration: its posterior, what was drawn from it,
 * and the bonus that earned.
 *
 * @param explored whether the value was drawn from the posterior; otherwise it is the posterior's mean
 *     (the maturity ramp or the offer cap held exploration back this time)
 * @param value the drawn (or mean) reward
 * @param ruleScore the score the rules gave: the need's urgency plus every adjustment
 */
public record Draw(String contentId, ContentKind kind, Posterior posterior, boolean explored, double value, int bonus,
    int ruleScore) {

  /** The score learning ranks by: the rules' score plus the bonus. */
  public int total() {
    return ruleScore + bonus;
  }
}

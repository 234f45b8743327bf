package community.recommender.engine.learning;

import java.util.List;

/**
 * What learning made of one decision: the draws of the winner and the runners-up, and which item the
 * rules alone would have chosen next to the one learning would.
 *
 * @param seed the decision's seed: the same seed with the same model and candidates draws the same
 * @param draws the candidates learning weighed, best total first
 * @param rulesChoice the content id the rules' score alone ranks first
 * @param learningChoice the content id learning ranks first; the winner when the mode is ON
 * @param rulesChoiceMean the posterior mean of the rules' choice: the engagement the rules can expect
 */
public record LearningChoice(LearningMode mode, long seed, Segment segment, List<Draw> draws, String rulesChoice,
    String learningChoice, double rulesChoiceMean) {
  public LearningChoice {
    draws = List.copyOf(draws);
  }

  /** Whether learning would have chosen what the rules chose. */
  public boolean agreed() {
    return rulesChoice.equals(learningChoice);
  }

  /** The draw of the item learning ranks first. */
  public Draw best() {
    return draws.get(0);
  }
}

package community.recommender.engine.decision;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Reason;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one decision for one group.
 *
 * @param winner the content to suggest, or empty when nothing suits the group now
 * @param score the winner's score: its need's urgency plus every adjustment
 * @param reasons the rules that shaped the winner, with their messages
 * @param dropped candidates that rules vetoed, and why
 * @param ruleSetVersion the version of the rule set that decided
 */
public record Decision(
    Optional<ContentItem> winner,
    double score,
    List<Reason> reasons,
    List<DroppedCandidate> dropped,
    long ruleSetVersion) {

  public Decision {
    reasons = List.copyOf(reasons);
    dropped = List.copyOf(dropped);
  }
}

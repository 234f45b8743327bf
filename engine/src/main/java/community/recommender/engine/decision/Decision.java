package community.recommender.engine.decision;

import community.recommender.engine.learning.LearningChoice;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Reason;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of one decision for one group.
 *
 * @param winner the content to suggest, or empty when nothing suits the group now
 * @param score the winner's score: its need's urgency plus every adjustment
 * @param reasons the rules that shaped the outcome, with their messages (for a suggestion, worked out when first
 *     read)
 * @param heldUntil when rules hold the group back (quiet hours, pacing, quotas): the earliest
 *     time to ask again; empty otherwise
 * @param needs what the group was found to need, most urgent first (with the fallback needs tried)
 * @param dropped candidates that rules vetoed, and why (worked out when first read)
 * @param firedRules the names of every rule that fired, in both stages
 * @param ruleSetVersion the version of the rule set that decided
 * @param retryAt when nothing may be sent and no rule holds the group: when to ask again
 * @param gaps needs the library had no fitting content for
 * @param settings the playbook settings the decision ran with, by name
 * @param learning what learning made of the decision, when it weighed the candidates (mode shadow or on)
 */
public record Decision(
    Optional<ContentItem> winner,
    double score,
    List<Reason> reasons,
    Optional<Instant> heldUntil,
    List<Need> needs,
    List<DroppedCandidate> dropped,
    List<String> firedRules,
    long ruleSetVersion,
    Optional<Instant> retryAt,
    List<ContentGap> gaps,
    java.util.Map<String, Object> settings,
    Optional<LearningChoice> learning) {

  public Decision {
    reasons = reasons instanceof OnFirstRead<Reason> ? reasons : List.copyOf(reasons);
    needs = List.copyOf(needs);
    dropped = dropped instanceof OnFirstRead<DroppedCandidate> ? dropped : List.copyOf(dropped);
    firedRules = List.copyOf(firedRules);
    gaps = List.copyOf(gaps);
  }

  /** The same decision with {@code reason} ahead of its other reasons. */
  public Decision withFirstReason(Reason reason) {
    List<Reason> others = reasons;
    List<Reason> all = new OnFirstRead<>(() -> {
      List<Reason> first = new java.util.ArrayList<>();
      first.add(reason);
      first.addAll(others);
      return first;
    });
    return new Decision(winner, score, all, heldUntil, needs, dropped, firedRules, ruleSetVersion, retryAt, gaps,
        settings, learning);
  }

  /** Whether the group is held back by a rule. */
  public boolean isHeld() {
    return heldUntil.isPresent();
  }

  /** Whether nothing may be sent although no rule holds the group: nothing found, or all vetoed. */
  public boolean isEmpty() {
    return winner.isEmpty() && heldUntil.isEmpty();
  }

  /** When to decide again after a held or empty decision; empty after a suggestion. */
  public Optional<Instant> nextDecisionAt() {
    return heldUntil.isPresent() ? heldUntil : retryAt;
  }
}

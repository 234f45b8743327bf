package community.recommender.engine.journey;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.ContentKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's simulated days under a rule set: every decision in order, with what was sent, held
 * and where it stalled.
 *
 * @param groupId the group
 * @param from the simulated start
 * @param until the simulated end
 * @param steps every decision, in order
 * @param truncated whether the journey hit its decision limit before {@code until} (rules that never hold)
 */
public record Journey(String groupId, Instant from, Instant until, List<JourneyStep> steps, boolean truncated) {

  public Journey {
    steps = List.copyOf(steps);
  }

  public List<JourneyStep> sent() {
    return steps.stream().filter(s -> s.outcome() == JourneyStep.Outcome.SENT).toList();
  }

  public List<JourneyStep> holds() {
    return steps.stream().filter(s -> s.outcome() == JourneyStep.Outcome.HELD).toList();
  }

  /** Decisions that found nothing to send although no rule held the group. */
  public List<JourneyStep> stalls() {
    return steps.stream().filter(s -> s.outcome() == JourneyStep.Outcome.STALLED).toList();
  }

  /** How many of each kind were sent. */
  public Map<ContentKind, Integer> kinds() {
    Map<ContentKind, Integer> mix = new EnumMap<>(ContentKind.class);
    for (ContentKind kind : ContentKind.values()) {
      mix.put(kind, 0);
    }
    sent().forEach(s -> mix.merge(s.kind(), 1, Integer::sum));
    return mix;
  }

  /** The distinct content gaps met along the way. */
  public Set<ContentGap> gaps() {
    Set<ContentGap> gaps = new LinkedHashSet<>();
    steps.forEach(s -> gaps.addAll(s.gaps()));
    return gaps;
  }
}

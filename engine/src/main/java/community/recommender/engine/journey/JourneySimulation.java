package community.recommender.engine.journey;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.History;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.rules.RuleSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the playbook forward for one group with a simulated clock: a forward simulation, or journey.
 *
 * <p>Each suggestion is taken as posted the moment it is offered, and the next decision comes a
 * minute later; a hold is waited out to its end, and an empty decision to its retry time. The
 * group keeps the activity it has now, while its age (and so its stage) moves on with the clock.
 * Nothing is stored or delivered: history lives only in the simulation.
 */
public final class JourneySimulation {
  private static final Duration NEXT_LOOK = Duration.ofMinutes(1);
  /** Decisions per simulated day at most, so that rules that never hold still end. */
  private static final int MAX_DECISIONS_PER_DAY = 48;

  private final DecisionPipeline pipeline;

  public JourneySimulation(DecisionPipeline pipeline) {
    this.pipeline = pipeline;
  }

  /** The journey of {@code group} over {@code days} from {@code start}, after its real {@code past}, under {@code rules}. */
  public Journey run(Group group, List<PastSuggestion> past, Instant start, int days, RuleSet rules) {
    Instant end = start.plus(Duration.ofDays(days));
    List<PastSuggestion> history = new ArrayList<>(past);
    List<JourneyStep> steps = new ArrayList<>();
    int budget = days * MAX_DECISIONS_PER_DAY;
    Instant now = start;
    while (now.isBefore(end) && budget-- > 0) {
      Instant at = now;
      Instant windowStart = at.minus(History.WINDOW);
      List<PastSuggestion> seen = history.stream()
          .filter(p -> p.getSentAt().isAfter(windowStart))
          .map(p -> p.at(at))
          .toList();
      Decision decision = pipeline.decide(group.asOf(now), seen, now, rules);
      int day = (int) Duration.between(start, now).toDays() + 1;
      if (decision.winner().isPresent()) {
        ContentItem item = decision.winner().get();
        history.add(new PastSuggestion(item.getId(), item.getKind(), item.getTags(), now, true, Outcome.POSTED, now,
            now));
        steps.add(new JourneyStep(now, day, JourneyStep.Outcome.SENT, item.getKind(), item.getId(), item.getTitle(),
            decision.reasons(), null, decision.gaps()));
        now = now.plus(NEXT_LOOK);
      } else {
        Instant next = decision.nextDecisionAt().filter(t -> t.isAfter(at)).orElse(now.plus(NEXT_LOOK));
        JourneyStep.Outcome outcome = decision.isHeld() ? JourneyStep.Outcome.HELD : JourneyStep.Outcome.STALLED;
        steps.add(new JourneyStep(now, day, outcome, null, null, null, decision.reasons(), next, decision.gaps()));
        now = next;
      }
    }
    return new Journey(group.getId(), start, end, steps, now.isBefore(end));
  }
}

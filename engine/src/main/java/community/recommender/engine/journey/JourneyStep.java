package community.recommender.engine.journey;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Reason;
import java.time.Instant;
import java.util.List;

/**
 * One decision of a simulated journey.
 *
 * @param at the simulated time of the decision
 * @param day the day of the journey, from 1
 * @param outcome what came of it
 * @param kind the kind sent (SENT only)
 * @param contentId the content sent (SENT only)
 * @param title its title (SENT only)
 * @param reasons the rules that sent, held or found nothing
 * @param until when a hold ends, or when an empty decision asks again
 * @param gaps content the library lacked for this decision's needs
 */
public record JourneyStep(Instant at, int day, Outcome outcome, ContentKind kind, String contentId, String title,
    List<Reason> reasons, Instant until, List<ContentGap> gaps) {

  public JourneyStep {
    reasons = List.copyOf(reasons);
    gaps = List.copyOf(gaps);
  }

  /** What a decision of the journey came to. */
  public enum Outcome {
    /** A suggestion, taken as posted at once. */
    SENT,
    /** Rules held the group until {@code until}. */
    HELD,
    /** No rule held the group, yet nothing could be sent: a stall. */
    STALLED
  }
}

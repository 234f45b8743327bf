package community.recommender.web.store;

import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.PastSuggestion;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one decision reads about its group, as of one moment: the group assessed, what it was
 * suggested in the history window, when a chat tool last received something, and what other senders
 * sent since the start of the quota periods.
 *
 * @param lastDeliveredAt the pacing mark: a decision is stored only while no delivery came after it
 */
public record DecisionSnapshot(Group group, List<PastSuggestion> history, Optional<Instant> lastDeliveredAt,
    ExternalSends external) {

  public DecisionSnapshot {
    history = List.copyOf(history);
  }
}

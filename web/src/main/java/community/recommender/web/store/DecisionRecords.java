package community.recommender.web.store;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.Suggestion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a decision reads before it runs and what it leaves after, each in one statement, so that a
 * poll that decides costs a fixed, small number of database round trips.
 */
public interface DecisionRecords {

  /** The group and everything its decision at {@code now} reads, or empty when there is no such group. */
  Future<Optional<DecisionSnapshot>> snapshot(String groupId, Instant now);

  /**
   * Stores {@code suggestion} as its group's pending suggestion, superseding {@code replacing} (the
   * stale pending one, or null), and records the content gaps the decision met. Answers false, and
   * stores nothing, when the group moved on since {@code basis} was read: another pending suggestion
   * exists (the one-pending-per-group index refuses the insert), {@code replacing} is no longer
   * pending, or a delivery came after the snapshot's mark, even one that commits while this is stored.
   * With {@code claimFor} (a bot token's id), the suggestion is delivered to that bot as it is stored,
   * and no other poller ever sees it pending; either way every node is told.
   */
  Future<Boolean> suggest(Suggestion suggestion, JsonObject explanation, DecisionSnapshot basis, String replacing,
      List<ContentGap> gaps, String claimFor, Instant now);

  /**
   * Records a decision that sent nothing, supersedes {@code replacing} (or nothing, when null) and,
   * when {@code gaps} is present, records the content gaps the decision met, in one statement.
   */
  Future<Void> silence(String groupId, Silence silence, String replacing, Optional<List<ContentGap>> gaps,
      Instant now);
}

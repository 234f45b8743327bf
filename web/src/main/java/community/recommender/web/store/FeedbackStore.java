package community.recommender.web.store;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/** What became of suggestions, as chat tools report it. */
public interface FeedbackStore {

  /**
   * Records {@code feedback} for suggestion {@code id}, after {@code mayReport} has checked who may
   * (it throws to refuse); answers the suggestion as recorded, or empty when there is no such
   * suggestion. A pending suggestion reported on is no longer pending.
   */
  Future<Optional<Reported>> record(String id, Feedback feedback, Consumer<Reported> mayReport);

  /**
   * A suggestion and what was reported about it.
   *
   * @param deliveredTo the id of the bot token it was handed to, or null
   * @param outcome {@code posted}, {@code skipped}, {@code failed}, or null before any report
   */
  record Reported(String id, String groupId, String state, String deliveredTo, String outcome,
      Instant outcomeAt, Instant postedAt, JsonObject metrics) {

    /** Whether it was handed to the bot token {@code tokenId}. */
    public boolean deliveredTo(String tokenId) {
      return Objects.equals(deliveredTo, tokenId);
    }
  }
}

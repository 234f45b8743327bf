package community.recommender.web.store;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Suggestion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Suggestions handed to groups, with what became of them; each group has at most one pending. */
public interface SuggestionStore {

  /** The group's pending suggestion, with its explanation, if there is one. */
  Future<Optional<PendingSuggestion>> pending(String groupId);

  /** Everything suggested to the group since {@code since}, for the rules to read, as seen at {@code now}. */
  Future<List<PastSuggestion>> history(String groupId, Instant since, Instant now);

  /**
   * Hands the pending suggestion {@code id} to the bot token {@code tokenId} and announces the change
   * to its group; answers false when it is no longer pending (another poller, on any node, claimed it
   * first, or it was superseded).
   */
  Future<Boolean> claim(String id, String tokenId);

  /**
   * Supersedes the group's pending suggestion, so that its next poll decides anew, and announces it.
   * Call this after anything a decision reads changes for one group: an activity report, its
   * portrait, its removal.
   */
  Future<Void> supersedePending(String groupId, String because);

  /** Supersedes the pending suggestions of {@code groupIds} at once, and announces it to every group. */
  Future<Void> supersedePending(List<String> groupIds, String because);

  /**
   * Supersedes the pending suggestions of the groups a change to {@code items} (as they are now) may
   * affect, and announces it to those groups only; answers how many groups that was.
   */
  Future<Integer> supersedePendingAffectedBy(List<ContentItem> items, String because);

  /** How many groups have a pending suggestion, across every node. */
  Future<Long> countPending();
}

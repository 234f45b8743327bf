package community.recommender.web.store;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Groups, their portraits and their stored assessments. */
public interface GroupStore {

  /** The group with {@code id} as it stands at {@code now}, or empty when there is none. */
  Future<Optional<Group>> find(String id, Instant now);

  /** The portrait of the group with {@code id}, without its activity; empty when there is no such group. */
  Future<Optional<Portrait>> portrait(String id);

  /** How many days ago each kind was last posted in the group, for the API's view; rules read History instead. */
  Future<PostingRecency> recency(String id, Instant now);

  /** Every active group as it stands at {@code now}, ordered by id; read a thousand at a time. */
  Future<List<Group>> list(Instant now);

  /** Up to {@code limit} active groups whose ids follow {@code afterId}, in id order, as they stand at {@code now}. */
  Future<List<Group>> readAfter(String afterId, int limit, Instant now);

  /** The active groups among {@code ids} as they stand at {@code now}. */
  Future<List<Group>> read(List<String> ids, Instant now);

  /** One page of active groups that pass {@code query}'s filters, ordered by id, from their stored assessment. */
  Future<GroupPage> page(GroupQuery query);

  /** The ids of every active group, in order. */
  Future<List<String>> ids();

  /** Creates the group or replaces its portrait, reviving it when archived; answers true when it was created. */
  Future<Boolean> save(String id, Portrait portrait);

  /** Saves every portrait in one transaction, all or none; answers how many groups were created. */
  Future<Integer> saveAll(Map<String, Portrait> portraits);

  /** Creates a group as if it had been created at {@code createdAt}; does nothing when it exists. */
  Future<Void> insertIfAbsent(String id, Portrait portrait, Instant createdAt);

  /**
   * Archives the group: it leaves lists and refuses reports and suggestions, while its history
   * stays. Its pending suggestion is withdrawn. Answers false when there was no active group.
   */
  Future<Boolean> archive(String id);

  /** Stores each group's level, band, trend and stage, as assessed at {@code now}, for lists to filter on. */
  Future<Void> saveAssessments(List<Group> groups, Instant now);

  /** Assesses the groups among {@code ids} afresh and stores the result, a thousand at a time. */
  Future<Void> reassess(List<String> ids, Instant now);

  /** How many active groups there are. */
  Future<Long> count();

  /**
   * Up to {@code limit} of the group's suggestions, newest decided first, all of them decided before
   * the suggestion {@code before} (null to start from the newest).
   */
  Future<List<SentSuggestion>> history(String id, UUID before, int limit);
}

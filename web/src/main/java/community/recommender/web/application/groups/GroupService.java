package community.recommender.web.application.groups;

import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.web.store.ActivityReportStore;
import community.recommender.web.store.GroupPage;
import community.recommender.web.store.GroupQuery;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.OverlappingWindowException;
import community.recommender.web.store.PendingSuggestion;
import community.recommender.web.store.SentSuggestion;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Groups as operators and chat tools change them: portraits saved one at a time or imported in
 * bulk, groups archived, activity reported.
 *
 * <p>Every change withdraws the group's pending suggestion, since it was decided for the group as it
 * was, and stores the group's fresh assessment for lists.
 */
public final class GroupService {
  /** How many days of activity the group view charts. */
  private static final int DAILY_DAYS = 30;

  private final GroupStore groups;
  private final ActivityReportStore reports;
  private final SuggestionStore suggestions;
  private final Clock clock;

  public GroupService(GroupStore groups, ActivityReportStore reports, SuggestionStore suggestions, Clock clock) {
    this.groups = groups;
    this.reports = reports;
    this.suggestions = suggestions;
    this.clock = clock;
  }

  /** One page of the groups that pass {@code query}. */
  public Future<GroupPage> page(GroupQuery query) {
    return groups.page(query);
  }

  /** The ids of every active group, in order. */
  public Future<List<String>> ids() {
    return groups.ids();
  }

  /** Succeeds when the group exists; fails with {@link GroupNotFound}. */
  public Future<Void> requireExists(String id) {
    return groups.find(id, clock.instant())
        .map(found -> {
          found.orElseThrow(() -> new GroupNotFound(id));
          return null;
        });
  }

  /** The group as it stands now, or empty when there is none. */
  public Future<Optional<Group>> find(String id) {
    return groups.find(id, clock.instant());
  }

  /**
   * Up to {@code limit} of the group's suggestions, newest first, decided before the suggestion
   * {@code before} (null for the newest); fails with {@link GroupNotFound}.
   */
  public Future<List<SentSuggestion>> history(String id, UUID before, int limit) {
    return requireExists(id).compose(exists -> groups.history(id, before, limit));
  }

  /** The group as it stands now, with its daily activity; fails with {@link GroupNotFound}. */
  public Future<GroupView> view(String id) {
    Instant now = clock.instant();
    return groups.find(id, now)
        .map(found -> found.orElseThrow(() -> new GroupNotFound(id)))
        .compose(group -> groups.recency(id, now).compose(recency -> suggestions.pending(id)
            .compose(pending -> reports.daily(id, DAILY_DAYS, now, group.getPortrait().getTimezone())
                .map(daily -> new GroupView(group, recency, pending.map(PendingSuggestion::suggestion), daily)))));
  }

  /** Creates the group or replaces its portrait, and answers it as it now stands. */
  public Future<SavedPortrait> save(String id, Portrait portrait) {
    return groups.save(id, portrait)
        .compose(created -> suggestions.supersedePending(id, "the portrait changed").map(created))
        .compose(created -> assessed(id).compose(group -> groups.recency(id, clock.instant())
            .compose(recency -> suggestions.pending(id).map(pending -> new SavedPortrait(created, group, recency,
                pending.map(PendingSuggestion::suggestion))))));
  }

  /** Creates or replaces every portrait, all or none; answers how many groups were created. */
  public Future<Integer> importAll(Map<String, Portrait> portraits) {
    List<String> ids = new ArrayList<>(portraits.keySet());
    return groups.saveAll(portraits)
        .compose(created -> groups.reassess(ids, clock.instant()).map(created))
        .compose(created -> suggestions.supersedePending(ids, "the portrait was imported").map(created));
  }

  /** Archives the group and withdraws its pending suggestion; fails with {@link GroupNotFound}. */
  public Future<Void> archive(String id) {
    return groups.archive(id)
        .compose(archived -> archived
            ? suggestions.supersedePending(id, "the group was archived")
            : Future.failedFuture(new GroupNotFound(id)))
        .mapEmpty();
  }

  /**
   * Records activity windows for the group and answers what they changed; fails with
   * {@link GroupNotFound}, or {@link OverlappingWindowException} when a window overlaps a stored one.
   */
  public Future<ActivityRecorded> report(String id, List<ActivityReport> windows) {
    return reports.record(id, windows)
        .compose(receipt -> {
          if (receipt.isEmpty()) {
            return Future.failedFuture(new GroupNotFound(id));
          }
          return suggestions.supersedePending(id, "new activity was reported").compose(done -> assessed(id))
              .map(group -> new ActivityRecorded(receipt.get(), group));
        });
  }

  /** The group as it stands now, its assessment stored for lists on the way. */
  private Future<Group> assessed(String id) {
    Instant now = clock.instant();
    return groups.find(id, now)
        .map(found -> found.orElseThrow(() -> new GroupNotFound(id)))
        .compose(group -> groups.saveAssessments(List.of(group), now).map(group));
  }
}

package community.recommender.web.application.delivery;

import community.recommender.web.application.groups.GroupNotFound;
import community.recommender.web.store.ExternalSendStore;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Sends a chat tool reports that this engine did not suggest (other tools, members): they count
 * against the group's quotas, so the group's pending suggestion is decided anew.
 */
public final class ExternalSendService {
  private final GroupStore groups;
  private final ExternalSendStore sends;
  private final SuggestionStore suggestions;
  private final Clock clock;

  public ExternalSendService(GroupStore groups, ExternalSendStore sends, SuggestionStore suggestions, Clock clock) {
    this.groups = groups;
    this.sends = sends;
    this.suggestions = suggestions;
    this.clock = clock;
  }

  /**
   * Records that {@code source} sent {@code count} messages to {@code groupId} on {@code day} (in the
   * group's time zone), replacing an earlier count for the same day and source. Fails with
   * {@link GroupNotFound}.
   */
  public Future<Void> report(String groupId, LocalDate day, String source, int count) {
    return groups.find(groupId, clock.instant())
        .compose(found -> {
          found.orElseThrow(() -> new GroupNotFound(groupId));
          return sends.record(groupId, day, source, count, clock.instant());
        })
        .compose(done -> suggestions.supersedePending(groupId, "other senders' messages were reported"));
  }
}

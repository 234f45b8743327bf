package community.recommender.web.application.suggestions;

import community.recommender.web.store.Caller;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.Feedback;
import community.recommender.web.store.FeedbackConflict;
import community.recommender.web.store.FeedbackStore;
import community.recommender.web.store.Role;
import community.recommender.web.store.SuggestionStats;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;

/**
 * The feedback loop: what chat tools report about the suggestions they were given, and the sums of
 * those reports.
 *
 * <p>A report changes what comes next (a posted item counts for no-repeat, caps and pacing; a skipped
 * or failed one stops counting as sent), so every report wakes the group's waiting pollers.
 */
public final class FeedbackService {
  private final FeedbackStore feedback;
  private final SuggestionStats stats;
  private final ChangeNotices notices;
  private final Runnable rewardsChanged;

  public FeedbackService(FeedbackStore feedback, SuggestionStats stats, ChangeNotices notices) {
    this(feedback, stats, notices, () -> { });
  }

  /** A service that calls {@code rewardsChanged} after each posted report, so learning reads it soon. */
  public FeedbackService(FeedbackStore feedback, SuggestionStats stats, ChangeNotices notices,
      Runnable rewardsChanged) {
    this.feedback = feedback;
    this.stats = stats;
    this.notices = notices;
    this.rewardsChanged = rewardsChanged;
  }

  /**
   * Records {@code caller}'s report on suggestion {@code id} and answers the suggestion as recorded.
   * Fails with {@link SuggestionNotFound}, {@link FeedbackNotAllowed} when the caller may not report on
   * it, or {@link FeedbackConflict} when it contradicts an earlier report.
   */
  public Future<FeedbackStore.Reported> report(String id, Feedback report, Caller caller) {
    return feedback.record(id, report, suggestion -> {
      if (!caller.mayActFor(suggestion.groupId())) {
        throw new FeedbackNotAllowed("this token is not allowed to act for group '" + suggestion.groupId() + "'");
      }
      if (caller.role() == Role.BOT && !suggestion.deliveredTo(caller.tokenId())) {
        throw new FeedbackNotAllowed("only the bot that received this suggestion may report on it");
      }
    }).compose(recorded -> {
      FeedbackStore.Reported reported = recorded.orElseThrow(() -> new SuggestionNotFound(id));
      if ("posted".equals(reported.outcome())) {
        rewardsChanged.run();
      }
      return notices.announce(reported.groupId()).map(reported);
    });
  }

  /** Outcomes per rule and per content item for suggestions made in [since, until), of one group or all (null). */
  public Future<JsonObject> stats(Instant since, Instant until, String groupId) {
    return stats.between(since, until, groupId);
  }
}

package community.recommender.web.store.pg;

import community.recommender.web.store.FeedbackStore;

import community.recommender.web.store.Feedback;

import community.recommender.web.store.FeedbackConflict;
import community.recommender.engine.learning.PostMetrics;
import community.recommender.engine.learning.Reward;
import community.recommender.web.store.OutcomeSteps;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Records what became of suggestions, on the suggestion's own row, where the history that pacing,
 * caps and no-repeat rules read picks it up.
 *
 * <p>A report may be sent again: the same report changes nothing, and metrics may be sent again
 * as they grow, until the metrics window after {@code postedAt} closes. Counts only grow: each metric
 * keeps the larger of what was recorded and what is sent, so a resend or a late, older report never
 * counts twice or shrinks a count. Each time a posted suggestion's metrics change, its reward is
 * worked out again ({@link Reward}) against the active members recorded when it was decided. WeCom's
 * steps move a suggestion on ({@link OutcomeSteps}); an earlier step reported late changes nothing. A
 * different settled outcome, or a different posting time, than the one recorded is a conflict, and
 * so are changed metrics after the window.
 */
public final class PgFeedbackStore implements FeedbackStore {
  private final Pool pool;

  private final Clock clock;

  private final Duration metricsWindow;

  /**
   * Reports are timed by {@code clock}, the same clock decisions read; metrics count until
   * {@code metricsWindow} after a post.
   */
  public PgFeedbackStore(Pool pool, Clock clock, Duration metricsWindow) {
    this.pool = pool;
    this.clock = clock;
    this.metricsWindow = metricsWindow;
  }

  /**
   * Records {@code feedback} for suggestion {@code id}, after {@code mayReport} has checked who may
   * (it throws to refuse); answers the suggestion as recorded, or empty when there is no such
   * suggestion. A pending suggestion reported on is no longer pending.
   */
  @Override
  public Future<Optional<Reported>> record(String id, Feedback feedback, Consumer<Reported> mayReport) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(Optional.empty());
    }
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT " + COLUMNS + " FROM suggestions WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(uuid))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(Optional.<Reported>empty());
          }
          Reported before = toReported(rows.iterator().next());
          mayReport.accept(before);
          if (OutcomeSteps.contradicts(before.outcome(), feedback.outcome())) {
            throw new FeedbackConflict("outcome", "this suggestion was already reported as " + before.outcome());
          }
          if (before.postedAt() != null && feedback.postedAt() != null && !before.postedAt().equals(feedback.postedAt())) {
            throw new FeedbackConflict("postedAt", "this suggestion was already reported as posted at " + before.postedAt());
          }
          Instant now = clock.instant();
          boolean advances = OutcomeSteps.advances(before.outcome(), feedback.outcome());
          boolean sameStep = feedback.outcome().equals(before.outcome());
          JsonObject metrics = merged(before.metrics(), feedback.metrics());
          boolean unchanged = !advances
              && (!sameStep || metrics == null || metrics.equals(before.metrics()));
          if (unchanged) {
            return Future.succeededFuture(Optional.of(before));
          }
          if (before.postedAt() != null && feedback.metrics() != null && !metrics.equals(before.metrics())
              && now.isAfter(before.postedAt().plus(metricsWindow))) {
            throw new FeedbackConflict("metrics", "metrics count until " + metricsWindow.toHours()
                + " hours after postedAt; this post's window closed at " + before.postedAt().plus(metricsWindow));
          }
          Row current = rows.iterator().next();
          Long activeMembers = current.getLong("active_members");
          Double reward = !"posted".equals(feedback.outcome()) || metrics == null || activeMembers == null ? null
              : Reward.of(postMetrics(metrics), activeMembers);
          return conn.preparedQuery("""
                  UPDATE suggestions SET
                      outcome = $2,
                      outcome_at = CASE WHEN outcome IS DISTINCT FROM $2 THEN $5 ELSE outcome_at END,
                      posted_at = CASE WHEN $2 = 'posted' THEN coalesce(posted_at, $3, $5) END,
                      metrics = coalesce($4::jsonb, metrics),
                      reward = coalesce($6, reward),
                      state = CASE WHEN state = 'pending' THEN 'delivered' ELSE state END,
                      delivered_at = coalesce(delivered_at, $5)
                  WHERE id = $1
                  RETURNING\s""" + COLUMNS)
              .execute(Tuple.of(uuid, feedback.outcome(),
                  feedback.postedAt() == null ? null : PgGroupStore.utc(feedback.postedAt()),
                  metrics, PgGroupStore.utc(now), reward))
              .map(updated -> Optional.of(toReported(updated.iterator().next())));
        }));
  }

  private static final String COLUMNS =
      "id, group_id, state, delivered_to, outcome, outcome_at, posted_at, metrics, active_members";

  /** Each count the larger of the recorded and the reported one; a report without metrics keeps them. */
  private static JsonObject merged(JsonObject recorded, JsonObject reported) {
    if (reported == null) {
      return recorded;
    }
    if (recorded == null) {
      return reported;
    }
    JsonObject merged = reported.copy();
    recorded.fieldNames().forEach(name -> {
      Object old = recorded.getValue(name);
      Object sent = merged.getValue(name);
      if (old instanceof Number o && (!(sent instanceof Number n) || o.longValue() > n.longValue())) {
        merged.put(name, o.longValue());
      }
    });
    return merged;
  }

  private static PostMetrics postMetrics(JsonObject m) {
    return new PostMetrics(count(m, "reactions"), count(m, "replies"), count(m, "clicks"), count(m, "orders"),
        count(m, "complaints"), count(m, "leaves"));
  }

  private static long count(JsonObject metrics, String name) {
    Object value = metrics.getValue(name);
    return value instanceof Number n ? Math.max(0, n.longValue()) : 0;
  }

  private static Reported toReported(Row row) {
    UUID deliveredTo = row.getUUID("delivered_to");
    return new Reported(row.getUUID("id").toString(), row.getString("group_id"), row.getString("state"),
        deliveredTo == null ? null : deliveredTo.toString(), row.getString("outcome"),
        instant(row.getOffsetDateTime("outcome_at")), instant(row.getOffsetDateTime("posted_at")),
        (JsonObject) row.getValue("metrics"));
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }


}

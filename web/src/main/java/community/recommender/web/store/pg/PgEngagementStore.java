package community.recommender.web.store.pg;

import community.recommender.engine.learning.Evidence;
import community.recommender.engine.learning.Observation;
import community.recommender.engine.learning.Segment;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Stage;
import community.recommender.web.store.EngagementStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads rewards from the suggestions' own rows: one row per item, tag set and segment, summed in the
 * database so that a refresh moves a few hundred rows, not every post.
 */
public final class PgEngagementStore implements EngagementStore {
  private final Pool pool;

  public PgEngagementStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<List<Observation>> observations(Instant windowClosedBefore) {
    return pool.preparedQuery("""
            SELECT content_id, kind, coalesce(content -> 'tags', '[]'::jsonb) AS tags, segment_stage,
                   segment_interest, count(*) AS posts, sum(coalesce(reward, 0)) AS reward_sum
            FROM suggestions
            WHERE outcome = 'posted' AND segment_stage IS NOT NULL
              AND (reward IS NOT NULL OR posted_at < $1)
            GROUP BY content_id, kind, coalesce(content -> 'tags', '[]'::jsonb), segment_stage, segment_interest""")
        .execute(Tuple.of(PgGroupStore.utc(windowClosedBefore)))
        .map(rows -> {
          List<Observation> observations = new ArrayList<>();
          for (Row row : rows) {
            Stage stage;
            ContentKind kind;
            try {
              stage = Stage.valueOf(row.getString("segment_stage"));
              kind = ContentKind.valueOf(row.getString("kind"));
            } catch (IllegalArgumentException e) {
              continue;
            }
            List<String> tags = new ArrayList<>();
            Object json = row.getValue("tags");
            if (json instanceof JsonArray array) {
              array.forEach(tag -> {
                if (tag instanceof String text) {
                  tags.add(text);
                }
              });
            }
            observations.add(new Observation(row.getString("content_id"), kind, tags,
                new Segment(stage, row.getString("segment_interest")),
                new Evidence(row.getLong("posts"), row.getDouble("reward_sum"))));
          }
          return observations;
        });
  }

  @Override
  public Future<ShadowReport> compare(Instant since, Instant until, String mode) {
    return pool.preparedQuery("""
            SELECT count(*) AS decisions,
                   count(*) FILTER (WHERE rules_choice = learning_choice) AS agreed,
                   avg(rules_mean) AS rules_expected,
                   avg(learning_mean) AS learning_expected,
                   count(*) FILTER (WHERE outcome = 'posted' AND reward IS NOT NULL) AS posts,
                   avg(reward) FILTER (WHERE outcome = 'posted' AND reward IS NOT NULL) AS observed,
                   count(*) FILTER (WHERE outcome = 'posted' AND reward IS NOT NULL
                                    AND rules_choice = learning_choice) AS agreed_posts,
                   avg(reward) FILTER (WHERE outcome = 'posted' AND reward IS NOT NULL
                                       AND rules_choice = learning_choice) AS agreed_observed,
                   count(*) FILTER (WHERE outcome = 'posted' AND reward IS NOT NULL
                                    AND rules_choice <> learning_choice) AS disagreed_posts,
                   avg(reward) FILTER (WHERE outcome = 'posted' AND reward IS NOT NULL
                                       AND rules_choice <> learning_choice) AS disagreed_observed
            FROM suggestions
            WHERE learning_mode = $3 AND created_at >= $1 AND created_at < $2""")
        .execute(Tuple.of(PgGroupStore.utc(since), PgGroupStore.utc(until), mode))
        .map(rows -> {
          Row r = rows.iterator().next();
          return new ShadowReport(r.getLong("decisions"), r.getLong("agreed"), number(r, "rules_expected"),
              number(r, "learning_expected"), r.getLong("posts"), number(r, "observed"), r.getLong("agreed_posts"),
              number(r, "agreed_observed"), r.getLong("disagreed_posts"), number(r, "disagreed_observed"));
        });
  }

  private static Double number(Row row, String column) {
    Object value = row.getValue(column);
    return value instanceof Number n ? n.doubleValue() : null;
  }
}

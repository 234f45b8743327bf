package community.recommender.web.store.pg;

import community.recommender.engine.model.ExternalSends;
import community.recommender.web.store.ExternalSendStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Other senders' messages in {@code external_sends}, one row per group, day and source. */
public final class PgExternalSendStore implements ExternalSendStore {
  private final Pool pool;

  public PgExternalSendStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> record(String groupId, LocalDate day, String source, int sends, Instant now) {
    return pool.preparedQuery("""
            INSERT INTO external_sends (group_id, day, source, sends, reported_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (group_id, day, source) DO UPDATE SET sends = excluded.sends, reported_at = excluded.reported_at""")
        .execute(Tuple.of(groupId, day, source, sends, PgGroupStore.utc(now)))
        .mapEmpty();
  }

  @Override
  public Future<ExternalSends> since(String groupId, LocalDate from) {
    return pool.preparedQuery("""
            SELECT day, sum(sends)::int AS sends FROM external_sends
            WHERE group_id = $1 AND day >= $2 GROUP BY day""")
        .execute(Tuple.of(groupId, from))
        .map(rows -> {
          Map<LocalDate, Integer> perDay = new HashMap<>();
          for (Row row : rows) {
            perDay.put(row.getLocalDate("day"), row.getInteger("sends"));
          }
          return new ExternalSends(perDay);
        });
  }
}

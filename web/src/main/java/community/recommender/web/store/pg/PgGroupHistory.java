package community.recommender.web.store.pg;

import community.recommender.web.store.SentSuggestion;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a group's suggestions newest first, a page at a time: the page after a suggestion holds those
 * decided before it, ordered by decision time and then id, so a page never repeats or skips one.
 */
final class PgGroupHistory {
  private static final String COLUMNS = """
      SELECT id, content_id, content ->> 'title' AS title, kind, score, rule_set_version, state, created_at,
             delivered_at, outcome, outcome_at, posted_at, metrics, reward, superseded_at, superseded_because
        FROM suggestions
      """;
  // Served by suggestions_history (group_id, created_at DESC).
  private static final String NEWEST = COLUMNS + " WHERE group_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2";
  private static final String BEFORE = COLUMNS + """
       WHERE group_id = $1
         AND (created_at, id) < (SELECT created_at, id FROM suggestions WHERE id = $3 AND group_id = $1)
       ORDER BY created_at DESC, id DESC LIMIT $2
      """;

  private final Pool pool;

  PgGroupHistory(Pool pool) {
    this.pool = pool;
  }

  /** Up to {@code limit} of the group's suggestions decided before {@code before}, or the newest when it is null. */
  Future<List<SentSuggestion>> read(String groupId, UUID before, int limit) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = before == null
        ? pool.preparedQuery(NEWEST).execute(Tuple.of(groupId, limit))
        : pool.preparedQuery(BEFORE).execute(Tuple.of(groupId, limit, before));
    return rows.map(found -> {
      List<SentSuggestion> history = new ArrayList<>();
      found.forEach(row -> history.add(toSent(row)));
      return history;
    });
  }

  private static SentSuggestion toSent(Row row) {
    Number reward = (Number) row.getValue("reward");
    return new SentSuggestion(row.getUUID("id"), row.getString("content_id"), row.getString("title"),
        row.getString("kind"), row.getDouble("score"), row.getLong("rule_set_version"), row.getString("state"),
        instant(row, "created_at"), instant(row, "delivered_at"), row.getString("outcome"), instant(row, "outcome_at"),
        instant(row, "posted_at"), metrics(row.getJsonObject("metrics")),
        reward == null ? null : reward.doubleValue(), instant(row, "superseded_at"),
        row.getString("superseded_because"));
  }

  /** The whole-number counts of a metrics document; anything else in it is left out. */
  private static Map<String, Long> metrics(JsonObject json) {
    Map<String, Long> counts = new LinkedHashMap<>();
    if (json != null) {
      json.forEach(entry -> {
        if (entry.getValue() instanceof Number n) {
          counts.put(entry.getKey(), n.longValue());
        }
      });
    }
    return counts;
  }

  private static Instant instant(Row row, String column) {
    OffsetDateTime at = row.getOffsetDateTime(column);
    return at == null ? null : at.toInstant();
  }
}

package community.recommender.web.store.pg;

import community.recommender.web.store.SuggestionStats;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.TreeMap;

/**
 * How rules and content items did, counted from the suggestions made in a period.
 *
 * <ul>
 *   <li><b>fired</b>: stored decisions whose explanation lists the rule among the rules that fired;
 *   <li><b>suggested</b>: suggestions made (a rule: whose reasons name it);
 *   <li><b>delivered</b>: of those, handed to a chat tool; <b>posted</b>, <b>skipped</b>,
 *       <b>failed</b>: as the chat tool reported;
 *   <li><b>engagement</b>: reactions, replies, clicks and orders reported for them, summed.
 * </ul>
 *
 * Only decisions that produced a suggestion are stored, so "fired" does not count polls that were
 * held or found nothing.
 */
public final class PgSuggestionStats implements SuggestionStats {
  private static final String PERIOD = """
      WITH s AS (SELECT * FROM suggestions WHERE created_at >= $1 AND created_at < $2
                 AND ($3::text IS NULL OR group_id = $3))
      """;
  private static final String COUNTS = """
      count(*) AS suggested,
      count(*) FILTER (WHERE s.delivered_at IS NOT NULL) AS delivered,
      count(*) FILTER (WHERE s.outcome = 'posted') AS posted,
      count(*) FILTER (WHERE s.outcome = 'skipped') AS skipped,
      count(*) FILTER (WHERE s.outcome = 'failed') AS failed,
      coalesce(sum((s.metrics ->> 'reactions')::bigint), 0) AS reactions,
      coalesce(sum((s.metrics ->> 'replies')::bigint), 0) AS replies,
      coalesce(sum((s.metrics ->> 'clicks')::bigint), 0) AS clicks,
      coalesce(sum((s.metrics ->> 'orders')::bigint), 0) AS orders""";

  private final Pool pool;

  public PgSuggestionStats(Pool pool) {
    this.pool = pool;
  }

  /** Per rule and per content item, for suggestions made in [since, until), of one group or all (null). */
  @Override
  public Future<JsonObject> between(Instant since, Instant until, String groupId) {
    Tuple period = Tuple.of(PgGroupStore.utc(since), PgGroupStore.utc(until), groupId);
    Future<RowSet<Row>> fired = pool.preparedQuery(PERIOD + """
            SELECT f.rule, count(*) AS fired FROM s
            CROSS JOIN LATERAL (SELECT DISTINCT jsonb_array_elements_text(
                coalesce(s.explanation -> 'firedRules', '[]'::jsonb)) AS rule) f
            GROUP BY f.rule""").execute(period);
    Future<RowSet<Row>> named = pool.preparedQuery(PERIOD + "SELECT n.rule, " + COUNTS + """
             FROM s
            CROSS JOIN LATERAL (SELECT DISTINCT r ->> 'rule' AS rule FROM jsonb_array_elements(s.reasons) r) n
            GROUP BY n.rule""").execute(period);
    Future<RowSet<Row>> content = pool.preparedQuery(PERIOD + "SELECT s.content_id, max(s.kind) AS kind, "
        + "max(s.content ->> 'title') AS title, " + COUNTS + " FROM s GROUP BY s.content_id ORDER BY s.content_id")
        .execute(period);
    return Future.all(fired, named, content).map(done -> {
      Map<String, JsonObject> rules = new TreeMap<>();
      for (Row row : fired.result()) {
        rules.computeIfAbsent(row.getString("rule"), PgSuggestionStats::emptyRule).put("fired", row.getLong("fired"));
      }
      for (Row row : named.result()) {
        JsonObject rule = rules.computeIfAbsent(row.getString("rule"), PgSuggestionStats::emptyRule);
        counts(row, rule);
      }
      JsonArray items = new JsonArray();
      for (Row row : content.result()) {
        items.add(counts(row, new JsonObject().put("contentId", row.getString("content_id"))
            .put("kind", row.getString("kind")).put("title", row.getString("title"))));
      }
      return new JsonObject()
          .put("since", since.toString())
          .put("until", until.toString())
          .put("groupId", groupId)
          .put("rules", new JsonArray(new ArrayList<>(rules.values())))
          .put("content", items);
    });
  }

  private static JsonObject emptyRule(String name) {
    return new JsonObject().put("rule", name).put("fired", 0L).put("suggested", 0L).put("delivered", 0L)
        .put("posted", 0L).put("skipped", 0L).put("failed", 0L)
        .put("engagement", new JsonObject().put("reactions", 0L).put("replies", 0L).put("clicks", 0L).put("orders", 0L));
  }

  private static JsonObject counts(Row row, JsonObject into) {
    return into.put("suggested", row.getLong("suggested"))
        .put("delivered", row.getLong("delivered"))
        .put("posted", row.getLong("posted"))
        .put("skipped", row.getLong("skipped"))
        .put("failed", row.getLong("failed"))
        .put("engagement", new JsonObject()
            .put("reactions", row.getLong("reactions"))
            .put("replies", row.getLong("replies"))
            .put("clicks", row.getLong("clicks"))
            .put("orders", row.getLong("orders")));
  }
}

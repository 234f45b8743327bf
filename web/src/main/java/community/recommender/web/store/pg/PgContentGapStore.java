package community.recommender.web.store.pg;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.ContentKind;
import community.recommender.web.store.ContentGapStore;
import community.recommender.web.store.OpenGap;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Content gaps in PostgreSQL: one row per gap, one per group waiting on it. */
public final class PgContentGapStore implements ContentGapStore {
  private static final String UPSERT_GAP = """
      INSERT INTO content_gaps (gap_key, kind, tags, interests, language, region, rule, first_seen, last_seen)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)
      ON CONFLICT (gap_key) DO UPDATE SET rule = excluded.rule,
        last_seen = greatest(content_gaps.last_seen, excluded.last_seen)""";

  private static final String UPSERT_WAIT = """
      INSERT INTO content_gap_waits (gap_key, group_id, since, last_seen) VALUES ($1, $2, $3, $3)
      ON CONFLICT (gap_key, group_id) DO UPDATE SET last_seen = greatest(content_gap_waits.last_seen, excluded.last_seen)""";

  private static final String STOP_WAITING = """
      DELETE FROM content_gap_waits WHERE group_id = $1 AND NOT (gap_key = ANY($2)) RETURNING gap_key""";

  private static final String DROP_UNWAITED = """
      DELETE FROM content_gaps g WHERE g.gap_key = ANY($1)
        AND NOT EXISTS (SELECT 1 FROM content_gap_waits w WHERE w.gap_key = g.gap_key)""";

  private static final String OPEN = """
      SELECT g.*, w.waiting, w.some_groups FROM content_gaps g
      JOIN LATERAL (SELECT count(*) AS waiting, (array_agg(x.group_id ORDER BY x.since, x.group_id))[1:20] AS some_groups
        FROM content_gap_waits x JOIN groups gr ON gr.id = x.group_id AND gr.archived_at IS NULL
        WHERE x.gap_key = g.gap_key) w ON w.waiting > 0
      ORDER BY w.waiting DESC, g.first_seen, g.gap_key LIMIT $1""";

  /**
   * The common table expressions that record one decision's gaps inside a larger statement: the
   * decision's gaps (a JSON array of {@link #rows}, parameter {@code $gaps}) are kept, the group
   * ({@code $group}) waits on exactly those, and gaps no group waits on any more go. {@code $at} is
   * the decision's time.
   */
  static String recordingCtes(String gaps, String group, String at) {
    return """
        gap_rows AS (SELECT * FROM jsonb_to_recordset(%1$s::jsonb)
          AS x(key text, kind text, tags text[], interests text[], language text, region text, rule text)),
        gaps_kept AS (INSERT INTO content_gaps (gap_key, kind, tags, interests, language, region, rule, first_seen, last_seen)
          SELECT key, kind, tags, interests, language, region, rule, %3$s, %3$s FROM gap_rows
          ON CONFLICT (gap_key) DO UPDATE SET rule = excluded.rule,
            last_seen = greatest(content_gaps.last_seen, excluded.last_seen) RETURNING gap_key),
        waits_kept AS (INSERT INTO content_gap_waits (gap_key, group_id, since, last_seen)
          SELECT key, %2$s, %3$s, %3$s FROM gap_rows
          ON CONFLICT (gap_key, group_id) DO UPDATE SET last_seen = greatest(content_gap_waits.last_seen, excluded.last_seen)
          RETURNING gap_key),
        waits_stopped AS (DELETE FROM content_gap_waits WHERE group_id = %2$s
          AND gap_key NOT IN (SELECT key FROM gap_rows) RETURNING gap_key),
        gaps_dropped AS (DELETE FROM content_gaps c WHERE c.gap_key IN (SELECT gap_key FROM waits_stopped)
          AND NOT EXISTS (SELECT 1 FROM content_gap_waits w WHERE w.gap_key = c.gap_key AND w.group_id <> %2$s)
          RETURNING gap_key)""".formatted(gaps, group, at);
  }

  /** The gaps as the rows {@link #recordingCtes} reads: one per distinct gap, tags and interests sorted. */
  static JsonArray rows(List<ContentGap> gaps) {
    JsonArray rows = new JsonArray();
    byKey(gaps).forEach((key, gap) -> rows.add(new JsonObject().put("key", key).put("kind", gap.kind().name())
        .put("tags", new JsonArray(List.of(sorted(gap.tags())))).put("interests", new JsonArray(List.of(sorted(gap.interests()))))
        .put("language", gap.language()).put("region", gap.region()).put("rule", gap.rule())));
    return rows;
  }

  private final Pool pool;

  public PgContentGapStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> record(String groupId, List<ContentGap> gaps, Instant now) {
    Map<String, ContentGap> byKey = byKey(gaps);
    String[] keys = byKey.keySet().toArray(String[]::new);
    if (byKey.isEmpty()) {
      return stopWaiting(pool, groupId, keys);
    }
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    return pool.withTransaction(conn -> {
      Future<Void> chain = Future.succeededFuture();
      for (Map.Entry<String, ContentGap> entry : byKey.entrySet()) {
        ContentGap gap = entry.getValue();
        chain = chain
            .compose(done -> conn.preparedQuery(UPSERT_GAP).execute(Tuple.tuple()
                .addString(entry.getKey()).addString(gap.kind().name())
                .addArrayOfString(sorted(gap.tags())).addArrayOfString(sorted(gap.interests()))
                .addString(gap.language()).addString(gap.region()).addString(gap.rule()).addOffsetDateTime(at)))
            .compose(done -> conn.preparedQuery(UPSERT_WAIT).execute(Tuple.of(entry.getKey(), groupId, at)))
            .mapEmpty();
      }
      return chain.compose(done -> stopWaiting(conn, groupId, keys));
    });
  }

  /** The group waits on none but {@code keys}; gaps left without anyone waiting go. */
  private static Future<Void> stopWaiting(SqlClient client, String groupId, String[] keys) {
    Tuple params = Tuple.tuple().addString(groupId).addArrayOfString(keys);
    return client.preparedQuery(STOP_WAITING).execute(params).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      List<String> left = new ArrayList<>();
      rows.forEach(row -> left.add(row.getString("gap_key")));
      return client.preparedQuery(DROP_UNWAITED)
          .execute(Tuple.tuple().addArrayOfString(left.toArray(String[]::new))).mapEmpty();
    });
  }

  @Override
  public Future<List<OpenGap>> open(int limit) {
    return pool.preparedQuery(OPEN).execute(Tuple.of(limit)).map(rows -> {
      List<OpenGap> gaps = new ArrayList<>();
      rows.forEach(row -> gaps.add(toGap(row)));
      return gaps;
    });
  }

  @Override
  public Future<Integer> close(List<String> keys) {
    if (keys.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.preparedQuery("DELETE FROM content_gaps WHERE gap_key = ANY($1)")
        .execute(Tuple.tuple().addArrayOfString(keys.toArray(String[]::new)))
        .map(rows -> rows.rowCount());
  }

  private static OpenGap toGap(Row row) {
    return new OpenGap(row.getString("gap_key"), ContentKind.valueOf(row.getString("kind")),
        Arrays.asList(row.getArrayOfStrings("tags")), Arrays.asList(row.getArrayOfStrings("interests")),
        row.getString("language"), row.getString("region"), row.getString("rule"), row.getLong("waiting").intValue(),
        Arrays.asList(row.getArrayOfStrings("some_groups")), row.getOffsetDateTime("first_seen").toInstant(),
        row.getOffsetDateTime("last_seen").toInstant());
  }

  private static Map<String, ContentGap> byKey(List<ContentGap> gaps) {
    Map<String, ContentGap> byKey = new LinkedHashMap<>();
    gaps.stream().sorted(Comparator.comparing(OpenGap::keyOf)).forEach(g -> byKey.putIfAbsent(OpenGap.keyOf(g), g));
    return byKey;
  }

  private static String[] sorted(List<String> values) {
    return values.stream().sorted().toArray(String[]::new);
  }
}

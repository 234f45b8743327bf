package community.recommender.web.store.pg;

import community.recommender.web.store.ActivityReportStore;

import community.recommender.web.store.OverlappingWindowException;
import community.recommender.web.store.ReportReceipt;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Activity reports in PostgreSQL, one row per group and window.
 *
 * <p>Resending a window replaces its row, so counts are never added twice, in whatever order
 * windows arrive. A window that overlaps a different stored window is refused, for the same
 * reason. The group's row is locked while a request's windows are checked and written, so two
 * concurrent requests cannot slip overlapping windows past each other.
 */
public final class PgActivityReports implements ActivityReportStore {
  private static final String LOCK_GROUP =
      "SELECT id FROM groups WHERE id = $1 AND archived_at IS NULL FOR NO KEY UPDATE";

  private static final String FIRST_OVERLAP = """
      SELECT i.n, r.window_start, r.window_end
        FROM unnest($2::timestamptz[], $3::timestamptz[]) WITH ORDINALITY AS i(s, e, n)
        JOIN activity_reports r ON r.group_id = $1 AND r.window_start < i.e AND r.window_end > i.s
       WHERE NOT (r.window_start = i.s AND r.window_end = i.e)
       ORDER BY i.n LIMIT 1""";

  private static final String UPSERT = """
      INSERT INTO activity_reports (group_id, window_start, window_end, messages, active_members, joins,
          leaves, reactions, clicks, orders, complaints)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
      ON CONFLICT (group_id, window_start, window_end) DO UPDATE SET
          messages = excluded.messages, active_members = excluded.active_members, joins = excluded.joins,
          leaves = excluded.leaves, reactions = excluded.reactions, clicks = excluded.clicks,
          orders = excluded.orders, complaints = excluded.complaints, received_at = now()
      RETURNING (xmax = 0) AS added""";

  private final Pool pool;

  public PgActivityReports(Pool pool) {
    this.pool = pool;
  }

  /**
   * Records {@code reports} for the group, all or none. Answers how many windows were new and
   * how many replaced earlier reports, or empty when there is no active group {@code groupId};
   * fails with {@link OverlappingWindowException} when a window overlaps a stored one.
   */
  @Override
  public Future<Optional<ReportReceipt>> record(String groupId, List<ActivityReport> reports) {
    return pool.withTransaction(conn -> conn.preparedQuery(LOCK_GROUP).execute(Tuple.of(groupId))
        .compose(group -> group.size() == 0
            ? Future.succeededFuture(Optional.<ReportReceipt>empty())
            : refuseOverlaps(conn, groupId, reports).compose(none -> upsert(conn, groupId, reports)).map(Optional::of)));
  }

  private static Future<Void> refuseOverlaps(SqlConnection conn, String groupId, List<ActivityReport> reports) {
    OffsetDateTime[] starts = reports.stream().map(r -> PgGroupStore.utc(r.from())).toArray(OffsetDateTime[]::new);
    OffsetDateTime[] ends = reports.stream().map(r -> PgGroupStore.utc(r.to())).toArray(OffsetDateTime[]::new);
    return conn.preparedQuery(FIRST_OVERLAP).execute(Tuple.of(groupId, starts, ends)).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture();
      }
      Row overlap = rows.iterator().next();
      int index = (int) (overlap.getLong("n") - 1);
      return Future.failedFuture(new OverlappingWindowException(index, reports.get(index),
          overlap.getOffsetDateTime("window_start").toInstant(), overlap.getOffsetDateTime("window_end").toInstant()));
    });
  }

  private static Future<ReportReceipt> upsert(SqlConnection conn, String groupId, List<ActivityReport> reports) {
    List<Tuple> batch = new ArrayList<>(reports.size());
    for (ActivityReport report : reports) {
      ActivityCounts counts = report.counts();
      batch.add(Tuple.wrap(List.of(groupId, PgGroupStore.utc(report.from()), PgGroupStore.utc(report.to()),
          counts.getMessages(), counts.getActiveMembers(), counts.getJoins(), counts.getLeaves(),
          counts.getReactions(), counts.getClicks(), counts.getOrders(), counts.getComplaints())));
    }
    return conn.preparedQuery(UPSERT).executeBatch(batch).map(first -> {
      int added = 0;
      int total = 0;
      for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
        added += rows.iterator().next().getBoolean("added") ? 1 : 0;
        total++;
      }
      return new ReportReceipt(added, total - added);
    });
  }

  /**
   * Messages, reactions, joins and complaints per day for the last {@code days} days up to
   * {@code now}, days in the group's time zone; a report counts on the day its window ends.
   * Days without reports are present with zeros, so charts show gaps as gaps.
   */
  @Override
  public Future<JsonArray> daily(String groupId, int days, Instant now, ZoneId zone) {
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate first = today.minusDays(days - 1L);
    return pool.preparedQuery("""
            SELECT (window_end AT TIME ZONE $3)::date AS day, sum(messages) AS messages, sum(reactions) AS reactions,
                   sum(joins) AS joins, sum(complaints) AS complaints
            FROM activity_reports
            WHERE group_id = $1 AND window_end > $2
            GROUP BY day""")
        .execute(Tuple.of(groupId, OffsetDateTime.ofInstant(first.atStartOfDay(zone).toInstant(), ZoneOffset.UTC),
            zone.getId()))
        .map(rows -> {
          Map<LocalDate, Row> byDay = new HashMap<>();
          rows.forEach(row -> byDay.put(row.getLocalDate("day"), row));
          JsonArray series = new JsonArray();
          for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            Row row = byDay.get(day);
            series.add(new JsonObject()
                .put("date", day.toString())
                .put("messages", row == null ? 0 : row.getLong("messages"))
                .put("reactions", row == null ? 0 : row.getLong("reactions"))
                .put("joins", row == null ? 0 : row.getLong("joins"))
                .put("complaints", row == null ? 0 : row.getLong("complaints")));
          }
          return series;
        });
  }

  @Override
  public Future<Map<String, PeriodTotals>> totals(List<String> groupIds, Instant from, Instant to) {
    return pool.preparedQuery("""
            SELECT group_id, sum(messages), sum(reactions), sum(clicks), sum(orders),
                   sum(extract(epoch FROM window_end - window_start))::bigint
            FROM activity_reports
            WHERE group_id = ANY($1) AND window_start >= $2 AND window_end <= $3
            GROUP BY group_id""")
        .execute(Tuple.of(groupIds.toArray(String[]::new), OffsetDateTime.ofInstant(from, ZoneOffset.UTC),
            OffsetDateTime.ofInstant(to, ZoneOffset.UTC)))
        .map(rows -> {
          Map<String, PeriodTotals> totals = new HashMap<>();
          rows.forEach(row -> totals.put(row.getString(0), new PeriodTotals(row.getLong(1), row.getLong(2),
              row.getLong(3), row.getLong(4), row.getLong(5))));
          return totals;
        });
  }
}

package community.recommender.web.store;

import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.StageAssessment;
import community.recommender.web.json.PortraitJson;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Groups and their activity reports in PostgreSQL.
 *
 * <p>A report counts toward a period when its window ends inside that period; the last 7 and
 * 28 days are summed in one pass when a group is read.
 */
public final class PgGroupStore {
  private static final List<String> COUNTS =
      List.of("messages", "active_members", "joins", "leaves", "reactions", "clicks", "orders", "complaints");

  private static final String SELECT_GROUPS = "SELECT g.id, g.portrait, g.created_at, "
      + COUNTS.stream().map(c -> "coalesce(sum(r." + c + ") FILTER (WHERE r.window_end > $1), 0) AS week_" + c)
          .collect(Collectors.joining(", "))
      + ", "
      + COUNTS.stream().map(c -> "coalesce(sum(r." + c + "), 0) AS month_" + c).collect(Collectors.joining(", "))
      + " FROM groups g LEFT JOIN activity_reports r ON r.group_id = g.id AND r.window_end > $2"
      + " WHERE g.archived_at IS NULL";

  private final Pool pool;

  public PgGroupStore(Pool pool) {
    this.pool = pool;
  }

  /** The group with {@code id} as it stands at {@code now}, or empty when there is none. */
  public Future<Optional<Group>> find(String id, Instant now) {
    return pool.preparedQuery(SELECT_GROUPS + " AND g.id = $3 GROUP BY g.id")
        .execute(periods(now).addString(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toGroup(rows.iterator().next(), now)));
  }

  /** Every active group as it stands at {@code now}, ordered by id. */
  public Future<List<Group>> list(Instant now) {
    return pool.preparedQuery(SELECT_GROUPS + " GROUP BY g.id ORDER BY g.id")
        .execute(periods(now))
        .map(rows -> {
          List<Group> groups = new ArrayList<>();
          rows.forEach(row -> groups.add(toGroup(row, now)));
          return groups;
        });
  }

  /** The ids of every active group, in order. */
  public Future<List<String>> ids() {
    return pool.query("SELECT id FROM groups WHERE archived_at IS NULL ORDER BY id").execute()
        .map(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("id")));
          return ids;
        });
  }

  /** Creates the group or replaces its portrait; answers true when it was created. */
  public Future<Boolean> save(String id, Portrait portrait) {
    return pool.preparedQuery("""
            INSERT INTO groups (id, portrait) VALUES ($1, $2)
            ON CONFLICT (id) DO UPDATE SET portrait = excluded.portrait, updated_at = now(), archived_at = NULL
            RETURNING (xmax = 0) AS created""")
        .execute(Tuple.of(id, PortraitJson.toJson(portrait)))
        .map(rows -> rows.iterator().next().getBoolean("created"));
  }

  /** Creates a group as if it had been created at {@code createdAt}; does nothing when it exists. */
  public Future<Void> insertIfAbsent(String id, Portrait portrait, Instant createdAt) {
    return pool.preparedQuery("INSERT INTO groups (id, portrait, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(id, PortraitJson.toJson(portrait), utc(createdAt)))
        .mapEmpty();
  }

  /** Records one window of activity, replacing an earlier report of the same window. */
  public Future<Void> report(String groupId, Instant from, Instant to, ActivityCounts counts) {
    return pool.preparedQuery("""
            INSERT INTO activity_reports (group_id, window_start, window_end, messages, active_members, joins,
                leaves, reactions, clicks, orders, complaints)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            ON CONFLICT (group_id, window_start, window_end) DO UPDATE SET
                messages = excluded.messages, active_members = excluded.active_members, joins = excluded.joins,
                leaves = excluded.leaves, reactions = excluded.reactions, clicks = excluded.clicks,
                orders = excluded.orders, complaints = excluded.complaints, received_at = now()""")
        .execute(Tuple.wrap(List.of(groupId, utc(from), utc(to), counts.getMessages(), counts.getActiveMembers(),
            counts.getJoins(), counts.getLeaves(), counts.getReactions(), counts.getClicks(), counts.getOrders(),
            counts.getComplaints())))
        .mapEmpty();
  }

  /** How many active groups there are. */
  public Future<Long> count() {
    return pool.query("SELECT count(*) FROM groups WHERE archived_at IS NULL").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Tuple periods(Instant now) {
    return Tuple.of(utc(now.minus(Duration.ofDays(7))), utc(now.minus(Duration.ofDays(28))));
  }

  private static Group toGroup(Row row, Instant now) {
    Portrait portrait = PortraitJson.fromJson(row.getJsonObject("portrait"));
    Instant createdAt = row.getOffsetDateTime("created_at").toInstant();
    Activity activity = Activity.assess(counts(row, "week_"), counts(row, "month_"), portrait.getMemberCount());
    return new Group(row.getString("id"), portrait, activity, StageAssessment.stageOf(createdAt, activity, now),
        createdAt);
  }

  private static ActivityCounts counts(Row row, String prefix) {
    long[] values = COUNTS.stream().mapToLong(c -> ((Number) row.getValue(prefix + c)).longValue()).toArray();
    return new ActivityCounts(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

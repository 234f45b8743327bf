package community.recommender.web.store.pg;

import community.recommender.web.store.GroupStore;
import community.recommender.web.store.PortraitDocument;

import community.recommender.web.store.GroupOrder;
import community.recommender.web.store.GroupPage;
import community.recommender.web.store.GroupQuery;
import community.recommender.web.store.GroupSummary;

import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Regions;
import community.recommender.web.store.PostingRecency;
import community.recommender.web.store.SentSuggestion;
import community.recommender.engine.model.Stage;
import community.recommender.engine.model.Trend;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Groups, their portraits and their stored assessments in PostgreSQL.
 *
 * <p>Reading a group assesses it afresh: one query sums its reports of the last 7 and 28 days (a
 * report counts toward a period when its window ends inside it) and finds when each kind of
 * content was last posted. Lists page and filter on the assessment stored by {@link #reassess}
 * instead, because summing every group's reports for each page would not scale.
 */
public final class PgGroupStore implements GroupStore {
  private static final List<String> COUNTS =
      List.of("messages", "active_members", "joins", "leaves", "reactions", "clicks", "orders", "complaints");

  /** Joins each group {@code g} with its activity sums; reads the week's start as $1 and the month's as $2. */
  static final String ACTIVITY = "CROSS JOIN LATERAL (SELECT "
      + COUNTS.stream().map(c -> "coalesce(sum(r." + c + ") FILTER (WHERE r.window_end > $1), 0) AS week_" + c)
          .collect(Collectors.joining(", "))
      + ", "
      + COUNTS.stream().map(c -> "coalesce(sum(r." + c + "), 0) AS month_" + c).collect(Collectors.joining(", "))
      + " FROM activity_reports r WHERE r.group_id = g.id AND r.window_end > $2) a"
      + " CROSS JOIN LATERAL (SELECT min(f.window_start) AS first_report_at FROM activity_reports f"
      + " WHERE f.group_id = g.id) f";

  private static final String RECENCY = """
      CROSS JOIN LATERAL (SELECT
          max(coalesce(s.posted_at, s.outcome_at)) FILTER (WHERE s.kind = 'POST') AS last_post_at,
          max(coalesce(s.posted_at, s.outcome_at)) FILTER (WHERE s.kind = 'OFFER') AS last_offer_at,
          max(coalesce(s.posted_at, s.outcome_at)) FILTER (WHERE s.kind = 'ACTIVITY') AS last_activity_at
        FROM suggestions s WHERE s.group_id = g.id AND s.outcome = 'posted') p""";

  private static final String SELECT_ONE = "SELECT g.id, g.portrait, g.created_at, a.*, f.* FROM groups g "
      + ACTIVITY + " WHERE g.archived_at IS NULL AND g.id = $3";

  private static final String SELECT_PORTRAIT = "SELECT portrait FROM groups WHERE archived_at IS NULL AND id = $1";

  private static final String SELECT_RECENCY = "SELECT p.* FROM groups g " + RECENCY + " WHERE g.id = $1";

  private static final String SELECT_AFTER = "SELECT g.id, g.portrait, g.created_at, a.*, f.* FROM groups g "
      + ACTIVITY + " WHERE g.archived_at IS NULL AND g.id > $3 ORDER BY g.id LIMIT $4";

  private static final String SELECT_SOME = "SELECT g.id, g.portrait, g.created_at, a.*, f.* FROM groups g "
      + ACTIVITY + " WHERE g.archived_at IS NULL AND g.id = ANY($3)";

  private static final String UPSERT = """
      INSERT INTO groups (id, portrait, created_at, updated_at) VALUES ($1, $2, $3, $3)
      ON CONFLICT (id) DO UPDATE SET portrait = excluded.portrait, updated_at = excluded.updated_at, archived_at = NULL
      RETURNING (xmax = 0) AS created""";

  private static final String FILTERS = """
       FROM groups WHERE archived_at IS NULL
        AND ($1::text[] IS NULL OR band = ANY($1))
        AND ($2::text[] IS NULL OR stage = ANY($2))
        AND ($3::text IS NULL OR portrait ->> 'region' = $3 OR starts_with(portrait ->> 'region', $6))
        AND ($4::jsonb IS NULL OR portrait -> 'labels' @> $4)
        AND ($5::text[] IS NULL OR id = ANY($5))""";

  private static final String PENDING_AND_LAST_POSTED = """
      (SELECT jsonb_build_object('id', s.id, 'kind', s.kind, 'contentId', s.content_id, 'title', s.content ->> 'title')
         FROM suggestions s WHERE s.group_id = groups.id AND s.state = 'pending') AS pending,
      (SELECT max(s.posted_at) FROM suggestions s WHERE s.group_id = groups.id AND s.outcome = 'posted')
         AS last_posted_at
      """;

  private static final int CHUNK = 1000;

  private final Pool pool;

  private final Clock clock;
  private final PgGroupHistory history;

  /** Creations, changes and archivals are timed by {@code clock}, the same clock assessments read. */
  public PgGroupStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
    this.history = new PgGroupHistory(pool);
  }

  @Override
  public Future<List<SentSuggestion>> history(String id, UUID before, int limit) {
    return history.read(id, before, limit);
  }

  /** The group with {@code id} as it stands at {@code now}, or empty when there is none. */
  @Override
  public Future<Optional<Group>> find(String id, Instant now) {
    return pool.preparedQuery(SELECT_ONE)
        .execute(periods(now).addString(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toGroup(rows.iterator().next(), now)));
  }

  /** The portrait of the group with {@code id}, without its activity; empty when there is no such group. */
  @Override
  public Future<Optional<Portrait>> portrait(String id) {
    return pool.preparedQuery(SELECT_PORTRAIT).execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? Optional.empty()
        : Optional.of(PortraitDocument.read(rows.iterator().next().getJsonObject("portrait"))));
  }

  /** How many days ago each kind was last posted in the group; for the API's view, not for rules. */
  @Override
  public Future<PostingRecency> recency(String id, Instant now) {
    return pool.preparedQuery(SELECT_RECENCY).execute(Tuple.of(id)).map(rows -> {
      if (rows.size() == 0) {
        return PostingRecency.NEVER;
      }
      Row row = rows.iterator().next();
      return new PostingRecency(daysSince(row, "last_post_at", now), daysSince(row, "last_offer_at", now),
          daysSince(row, "last_activity_at", now));
    });
  }

  /** Every active group as it stands at {@code now}, ordered by id; read a thousand at a time. */
  @Override
  public Future<List<Group>> list(Instant now) {
    return listAfter("", now, new ArrayList<>());
  }

  private Future<List<Group>> listAfter(String afterId, Instant now, List<Group> found) {
    return readAfter(afterId, CHUNK, now).compose(chunk -> {
      found.addAll(chunk);
      return chunk.size() < CHUNK ? Future.succeededFuture(found)
          : listAfter(chunk.get(chunk.size() - 1).getId(), now, found);
    });
  }

  /** Up to {@code limit} active groups whose ids follow {@code afterId}, in id order, as they stand at {@code now}. */
  @Override
  public Future<List<Group>> readAfter(String afterId, int limit, Instant now) {
    return pool.preparedQuery(SELECT_AFTER).execute(periods(now).addString(afterId).addInteger(limit))
        .map(rows -> toGroups(rows, now));
  }

  /** The active groups among {@code ids} as they stand at {@code now}. */
  @Override
  public Future<List<Group>> read(List<String> ids, Instant now) {
    return pool.preparedQuery(SELECT_SOME).execute(periods(now).addArrayOfString(ids.toArray(String[]::new)))
        .map(rows -> toGroups(rows, now));
  }

  /** One page of active groups that pass {@code query}'s filters, in its order, from their stored assessment. */
  @Override
  public Future<GroupPage> page(GroupQuery query) {
    List<Object> filters = Arrays.asList(names(query.bands()), names(query.stages()), query.region(),
        query.labels().isEmpty() ? null : new JsonArray(query.labels()),
        query.scope().isEmpty() ? null : query.scope().toArray(String[]::new),
        query.region() == null ? null : Regions.insidePrefix(query.region()));
    Future<Long> total = pool.preparedQuery("SELECT count(*) " + FILTERS).execute(Tuple.wrap(filters))
        .map(rows -> rows.iterator().next().getLong(0));
    List<Object> paged = new ArrayList<>(filters);
    paged.add(query.pageSize());
    paged.add((long) (query.page() - 1) * query.pageSize());
    Tuple page = Tuple.wrap(paged);
    Future<List<GroupSummary>> items = pool.preparedQuery(
            "SELECT id, portrait, level, band, trend, stage, assessed_at, " + PENDING_AND_LAST_POSTED + FILTERS
                + " ORDER BY " + orderBy(query.order()) + " LIMIT $7 OFFSET $8")
        .execute(page)
        .map(rows -> {
          List<GroupSummary> summaries = new ArrayList<>();
          rows.forEach(row -> summaries.add(toSummary(row)));
          return summaries;
        });
    return Future.all(total, items).map(done -> new GroupPage(items.result(), total.result()));
  }

  /** The ORDER BY list for {@code order}: only fixed column expressions, never text from a request. */
  private static String orderBy(GroupOrder order) {
    String column = switch (order.field()) {
      case ID -> "id";
      case NAME -> "lower(portrait ->> 'name')";
      case LEVEL -> "level";
      // Bands and stages in their natural order, not alphabetically.
      case BAND -> "array_position(" + enumArray(ActivityBand.values()) + ", band)";
      case STAGE -> "array_position(" + enumArray(Stage.values()) + ", stage)";
      case REGION -> "portrait ->> 'region'";
      case LAST_POSTED_AT -> "last_posted_at";
    };
    return order.field() == GroupOrder.Field.ID ? "id" + (order.descending() ? " DESC" : "")
        : column + (order.descending() ? " DESC" : " ASC") + " NULLS LAST, id";
  }

  /** An SQL array literal of the constants' names, in declaration order. */
  private static String enumArray(Enum<?>[] values) {
    return Arrays.stream(values).map(v -> "'" + v.name() + "'").collect(Collectors.joining(", ", "ARRAY[", "]"));
  }

  /** The ids of every active group, in order. */
  @Override
  public Future<List<String>> ids() {
    return pool.query("SELECT id FROM groups WHERE archived_at IS NULL ORDER BY id").execute()
        .map(rows -> {
          List<String> ids = new ArrayList<>();
          rows.forEach(row -> ids.add(row.getString("id")));
          return ids;
        });
  }

  /** Creates the group or replaces its portrait, reviving it when archived; answers true when it was created. */
  @Override
  public Future<Boolean> save(String id, Portrait portrait) {
    return pool.preparedQuery(UPSERT)
        .execute(Tuple.of(id, PortraitDocument.write(portrait), utc(clock.instant())))
        .map(rows -> rows.iterator().next().getBoolean("created"));
  }

  /** Saves every portrait in one transaction, all or none; answers how many groups were created. */
  @Override
  public Future<Integer> saveAll(Map<String, Portrait> portraits) {
    List<Tuple> batch = new ArrayList<>();
    OffsetDateTime now = utc(clock.instant());
    portraits.forEach((id, portrait) -> batch.add(Tuple.of(id, PortraitDocument.write(portrait), now)));
    if (batch.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return pool.withTransaction(conn -> conn.preparedQuery(UPSERT).executeBatch(batch))
        .map(PgGroupStore::countCreated);
  }

  /** Creates a group as if it had been created at {@code createdAt}; does nothing when it exists. */
  @Override
  public Future<Void> insertIfAbsent(String id, Portrait portrait, Instant createdAt) {
    return pool.preparedQuery("INSERT INTO groups (id, portrait, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING")
        .execute(Tuple.of(id, PortraitDocument.write(portrait), utc(createdAt)))
        .mapEmpty();
  }

  /**
   * Archives the group: it leaves lists and refuses reports and suggestions, while its history
   * stays. Its pending suggestion is withdrawn. Answers false when there was no active group.
   */
  @Override
  public Future<Boolean> archive(String id) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("UPDATE groups SET archived_at = $2 WHERE id = $1 AND archived_at IS NULL")
        .execute(Tuple.of(id, utc(clock.instant())))
        .compose(archived -> Supersede.OF_GROUP.run(conn, clock.instant(), "the group was archived", id)
            .map(archived.rowCount() == 1)));
  }

  /** Stores each group's level, band, trend and stage, as assessed at {@code now}, for lists to filter on. */
  @Override
  public Future<Void> saveAssessments(List<Group> groups, Instant now) {
    if (groups.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Tuple> batch = new ArrayList<>();
    for (Group group : groups) {
      Activity activity = group.getActivity();
      batch.add(Tuple.of(group.getId(), (short) activity.getLevel(), activity.getBand().name(),
          activity.getTrend().name(), group.getStage().name(), utc(now)));
    }
    return pool.preparedQuery(
            "UPDATE groups SET level = $2, band = $3, trend = $4, stage = $5, assessed_at = $6 WHERE id = $1")
        .executeBatch(batch)
        .mapEmpty();
  }

  /** Assesses the groups among {@code ids} afresh and stores the result, a thousand at a time. */
  @Override
  public Future<Void> reassess(List<String> ids, Instant now) {
    if (ids.isEmpty()) {
      return Future.succeededFuture();
    }
    List<String> chunk = ids.subList(0, Math.min(CHUNK, ids.size()));
    List<String> rest = ids.subList(chunk.size(), ids.size());
    return read(chunk, now).compose(groups -> saveAssessments(groups, now)).compose(done -> reassess(rest, now));
  }

  /** How many active groups there are. */
  @Override
  public Future<Long> count() {
    return pool.query("SELECT count(*) FROM groups WHERE archived_at IS NULL").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static int countCreated(RowSet<Row> first) {
    int created = 0;
    for (RowSet<Row> rows = first; rows != null; rows = rows.next()) {
      created += rows.iterator().next().getBoolean("created") ? 1 : 0;
    }
    return created;
  }

  private static String[] names(List<? extends Enum<?>> values) {
    return values.isEmpty() ? null : values.stream().map(Enum::name).toArray(String[]::new);
  }

  /** The parameters {@link #ACTIVITY} reads: the starts of the week and the month before {@code now}. */
  static Tuple periods(Instant now) {
    return Tuple.of(utc(now.minus(Duration.ofDays(7))), utc(now.minus(Duration.ofDays(28))));
  }

  private static List<Group> toGroups(RowSet<Row> rows, Instant now) {
    List<Group> groups = new ArrayList<>();
    rows.forEach(row -> groups.add(toGroup(row, now)));
    return groups;
  }

  /** The group in a row that selected {@code g.id, g.portrait, g.created_at} and {@link #ACTIVITY}'s columns. */
  static Group toGroup(Row row, Instant now) {
    Portrait portrait = PortraitDocument.read(row.getJsonObject("portrait"));
    Instant createdAt = row.getOffsetDateTime("created_at").toInstant();
    OffsetDateTime firstReport = row.getOffsetDateTime("first_report_at");
    return Group.assess(row.getString("id"), portrait, counts(row, "week_"), counts(row, "month_"), createdAt,
        firstReport == null ? null : firstReport.toInstant(), now);
  }

  private static Integer daysSince(Row row, String column, Instant now) {
    OffsetDateTime at = row.getOffsetDateTime(column);
    return at == null ? null : (int) Math.max(0, Duration.between(at.toInstant(), now).toDays());
  }

  private static GroupSummary toSummary(Row row) {
    OffsetDateTime assessedAt = row.getOffsetDateTime("assessed_at");
    return new GroupSummary(row.getString("id"), PortraitDocument.read(row.getJsonObject("portrait")),
        row.getShort("level") == null ? null : row.getShort("level").intValue(),
        row.getString("band") == null ? null : ActivityBand.valueOf(row.getString("band")),
        row.getString("trend") == null ? null : Trend.valueOf(row.getString("trend")),
        row.getString("stage") == null ? null : Stage.valueOf(row.getString("stage")),
        assessedAt == null ? null : assessedAt.toInstant(),
        row.getJsonObject("pending"),
        row.getOffsetDateTime("last_posted_at") == null ? null : row.getOffsetDateTime("last_posted_at").toInstant());
  }

  private static ActivityCounts counts(Row row, String prefix) {
    long[] values = COUNTS.stream().mapToLong(c -> ((Number) row.getValue(prefix + c)).longValue()).toArray();
    return new ActivityCounts(values[0], values[1], values[2], values[3], values[4], values[5], values[6], values[7]);
  }

  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

package community.recommender.web.store.pg;

import community.recommender.content.format.ContentItemJson;
import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.History;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.DecisionRecords;
import community.recommender.web.store.DecisionSnapshot;
import community.recommender.web.store.Silence;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A decision's reads and writes in PostgreSQL: the snapshot it decides on, in one statement, then
 * the silence it records in one statement, or the suggestion it stores in one transaction, together
 * with the content gaps it met.
 *
 * <p>Storing relies on the one-pending-per-group unique index instead of a lock: the insert does
 * nothing when another pending suggestion exists, when the stale one it replaces has moved on, or
 * when a delivery came after the snapshot's mark, and the caller decides again. The insert's own
 * check of that mark reads the statement's snapshot, taken before the insert may wait on the index
 * for another transaction; when that transaction delivered the suggestion it had made pending, the
 * wait ends without a conflict. So the same transaction checks the mark once more in a second
 * statement, which sees everything committed before it, and gives up when a delivery came. For a
 * bot, that second statement is the claim itself: the suggestion is stored and delivered with one
 * commit, and no other poller ever sees it pending.
 */
public final class PgDecisionRecords implements DecisionRecords {
  private static final String SNAPSHOT = "SELECT g.id, g.portrait, g.created_at, a.*, f.*,"
      + " (SELECT max(d.delivered_at) FROM suggestions d WHERE d.group_id = g.id) AS last_delivered_at,"
      + " (SELECT coalesce(jsonb_agg(jsonb_build_object('contentId', s.content_id, 'kind', s.kind,"
      + "     'tags', s.content -> 'tags', 'createdAt', (extract(epoch FROM s.created_at) * 1000000)::bigint,"
      + "     'delivered', s.delivered_at IS NOT NULL, 'outcome', s.outcome,"
      + "     'postedAt', (extract(epoch FROM s.posted_at) * 1000000)::bigint) ORDER BY s.created_at), '[]')"
      + "   FROM suggestions s WHERE s.group_id = g.id AND s.created_at > $4) AS history,"
      + " (SELECT coalesce(jsonb_object_agg(e.day, e.sends), '{}') FROM (SELECT x.day::text AS day,"
      + "   sum(x.sends)::int AS sends FROM external_sends x WHERE x.group_id = g.id AND x.day >= $5 GROUP BY x.day) e)"
      + "   AS external"
      + " FROM groups g " + PgGroupStore.ACTIVITY + " WHERE g.archived_at IS NULL AND g.id = $3";

  private static final String SUGGEST = "WITH " + PgContentGapStore.recordingCtes("$14", "$2", "$13") + """
      ,
      stale AS (UPDATE suggestions SET state = 'superseded', superseded_at = $13,
          superseded_because = 'replaced by a new decision'
        WHERE id = $11::uuid AND state = 'pending' RETURNING id),
      stored AS (INSERT INTO suggestions (id, group_id, content_id, kind, content, score, reasons,
          rule_set_version, created_at, explanation, state,
          segment_stage, segment_interest, active_members, learning_mode, rules_choice,
          learning_choice, rules_mean, learning_mean)
        SELECT $1::uuid, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9, $10::jsonb, 'pending',
          $10::jsonb #>> '{segment,stage}', $10::jsonb #>> '{segment,interest}',
          ($10::jsonb #>> '{segment,activeMembers}')::bigint, $10::jsonb #>> '{learning,mode}',
          $10::jsonb #>> '{learning,rulesChoice}', $10::jsonb #>> '{learning,learningChoice}',
          ($10::jsonb #>> '{learning,rulesMean}')::double precision,
          ($10::jsonb #>> '{learning,learningMean}')::double precision
        WHERE ($11::uuid IS NULL OR EXISTS (SELECT 1 FROM stale))
          AND """ + noDeliverySince("$2", "$12") + """
        ON CONFLICT (group_id) WHERE state = 'pending' DO NOTHING
        RETURNING group_id)
      SELECT group_id, CASE WHEN $17 THEN pg_notify($15, $16 || group_id) END FROM stored""";

  /** Parameters $1 to $8 are the silence's, as {@link PgSilenceStore#parameters} gives them; $9 the stale id. */
  private static final String SILENCE_CTES = """
      kept AS (%s RETURNING 1),
      stale AS (UPDATE suggestions SET state = 'superseded', superseded_at = $4,
          superseded_because = 'expired or made by earlier rules'
        WHERE id = $9::uuid AND state = 'pending' RETURNING id)
      SELECT (SELECT count(*) FROM kept) AS kept, (SELECT count(*) FROM stale) AS superseded"""
      .formatted(PgSilenceStore.UPSERT);

  private static final String SILENCE = "WITH " + SILENCE_CTES;

  private static final String SILENCE_WITH_GAPS = "WITH " + PgContentGapStore.recordingCtes("$10", "$1", "$4")
      + ",\n" + SILENCE_CTES;

  /** Confirms, with a fresh snapshot, that no delivery came after the snapshot's mark ($2). */
  private static final String CONFIRM = "SELECT 1 WHERE " + noDeliverySince("$1", "$2");

  /** Delivers the suggestion just stored to a bot, and announces it, unless a delivery came after the mark ($7). */
  private static final String CLAIM = PgSuggestionStore.claimOnlyIf(noDeliverySince("$6", "$7"));

  /** Rolls back a suggestion stored while a delivery came: its decision did not know of that delivery. */
  private static final class MovedOn extends RuntimeException {
    MovedOn() {
      super("a delivery came while the suggestion was stored", null, false, false);
    }
  }

  private final Pool pool;
  private final PgChangeNotices notices;

  public PgDecisionRecords(Pool pool, PgChangeNotices notices) {
    this.pool = pool;
    this.notices = notices;
  }

  /**
   * Reads external sends from eight days before the first of the month in UTC, which covers the
   * quota periods of a group in any time zone (a week that began in the month before); the rules
   * count only the days that fall inside each period.
   */
  @Override
  public Future<Optional<DecisionSnapshot>> snapshot(String groupId, Instant now) {
    LocalDate sendsFrom = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1).minusDays(8);
    return pool.preparedQuery(SNAPSHOT)
        .execute(PgGroupStore.periods(now).addString(groupId)
            .addOffsetDateTime(PgGroupStore.utc(now.minus(History.WINDOW))).addLocalDate(sendsFrom))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          Optional<Instant> delivered = Optional.ofNullable(row.getOffsetDateTime("last_delivered_at"))
              .map(at -> at.toInstant());
          return Optional.of(new DecisionSnapshot(PgGroupStore.toGroup(row, now),
              history((JsonArray) row.getValue("history"), now), delivered,
              external((JsonObject) row.getValue("external"))));
        });
  }

  @Override
  public Future<Boolean> suggest(Suggestion suggestion, JsonObject explanation, DecisionSnapshot basis,
      String replacing, List<ContentGap> gaps, String claimFor, Instant now) {
    String groupId = suggestion.groupId();
    OffsetDateTime mark = basis.lastDeliveredAt().map(PgGroupStore::utc).orElse(null);
    Tuple stored = Tuple.wrap(Arrays.asList(UUID.fromString(suggestion.id()), groupId,
        suggestion.content().getId(), suggestion.kind().name(),
        new JsonObject(ContentItemJson.toJson(suggestion.content())), suggestion.score(),
        PgSuggestionStore.reasons(suggestion.reasons()), suggestion.ruleSetVersion(),
        PgGroupStore.utc(suggestion.createdAt()), explanation,
        replacing == null ? null : UUID.fromString(replacing), mark, PgGroupStore.utc(now),
        PgContentGapStore.rows(gaps), PgChangeNotices.CHANNEL, notices.payloadPrefix(), claimFor == null));
    Tuple confirmed = claimFor == null ? Tuple.of(groupId, mark)
        : Tuple.of(UUID.fromString(suggestion.id()), UUID.fromString(claimFor), PgGroupStore.utc(now),
            PgChangeNotices.CHANNEL, notices.payloadPrefix(), groupId, mark);
    return pool.withTransaction(conn -> conn.preparedQuery(SUGGEST).execute(stored).compose(rows -> {
      if (rows.size() == 0) {
        return Future.succeededFuture(false);
      }
      return conn.preparedQuery(claimFor == null ? CONFIRM : CLAIM).execute(confirmed)
          .compose(still -> still.size() == 0 ? Future.<Boolean>failedFuture(new MovedOn()) : Future.succeededFuture(true));
    })).recover(e -> e instanceof MovedOn ? Future.succeededFuture(false) : Future.failedFuture(e)).onSuccess(done -> {
      if (done) {
        notices.tellThisNode(groupId);
      }
    });
  }

  @Override
  public Future<Void> silence(String groupId, Silence silence, String replacing, Optional<List<ContentGap>> gaps,
      Instant now) {
    Tuple parameters = PgSilenceStore.parameters(groupId, silence, now)
        .addValue(replacing == null ? null : UUID.fromString(replacing));
    gaps.ifPresent(met -> parameters.addValue(PgContentGapStore.rows(met)));
    return pool.preparedQuery(gaps.isPresent() ? SILENCE_WITH_GAPS : SILENCE).execute(parameters).mapEmpty();
  }

  private static List<PastSuggestion> history(JsonArray rows, Instant now) {
    List<PastSuggestion> past = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      JsonObject row = rows.getJsonObject(i);
      List<String> tags = new ArrayList<>();
      JsonArray stored = row.getJsonArray("tags");
      if (stored != null) {
        stored.forEach(tag -> tags.add(String.valueOf(tag)));
      }
      String outcome = row.getString("outcome");
      Long postedAt = row.getLong("postedAt");
      past.add(new PastSuggestion(row.getString("contentId"), ContentKind.valueOf(row.getString("kind")), tags,
          micros(row.getLong("createdAt")), row.getBoolean("delivered"),
          outcome == null ? Outcome.PENDING : Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
          postedAt == null ? null : micros(postedAt), now));
    }
    return past;
  }

  private static ExternalSends external(JsonObject perDay) {
    Map<LocalDate, Integer> sends = new HashMap<>();
    perDay.forEach(day -> sends.put(LocalDate.parse(day.getKey()), ((Number) day.getValue()).intValue()));
    return new ExternalSends(sends);
  }

  /**
   * The SQL condition that the group in parameter {@code group} had no delivery after the one in
   * parameter {@code mark} (the snapshot's last delivery, or null when it had none).
   */
  private static String noDeliverySince(String group, String mark) {
    return "(SELECT max(delivered_at) FROM suggestions WHERE group_id = " + group + ") IS NOT DISTINCT FROM "
        + mark + "::timestamptz";
  }

  private static Instant micros(long sinceEpoch) {
    return Instant.EPOCH.plus(sinceEpoch, ChronoUnit.MICROS);
  }
}

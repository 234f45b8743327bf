package community.recommender.web.store.pg;

import community.recommender.engine.model.Reason;
import community.recommender.web.store.RecordedSilence;
import community.recommender.web.store.Silence;
import community.recommender.web.store.SilenceStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Silences in PostgreSQL: one row per group, counted while the same silence lasts. */
public final class PgSilenceStore implements SilenceStore {
  // A decision older than the recorded one (a slow node) leaves the newer record as it is.
  static final String UPSERT = """
      INSERT INTO group_silences AS s (group_id, status, signature, since, last_seen, decisions, until,
        rule_set_version, reasons, explanation)
      VALUES ($1, $2, $3, $4, $4, 1, $5, $6, $7, $8)
      ON CONFLICT (group_id) DO UPDATE SET
        since = CASE WHEN s.signature = excluded.signature THEN s.since ELSE excluded.since END,
        decisions = CASE WHEN s.signature = excluded.signature THEN s.decisions + 1 ELSE 1 END,
        status = excluded.status, signature = excluded.signature, last_seen = excluded.last_seen,
        until = excluded.until, rule_set_version = excluded.rule_set_version, reasons = excluded.reasons,
        explanation = excluded.explanation
      WHERE s.last_seen <= excluded.last_seen""";

  private static final String LATEST = "SELECT * FROM group_silences WHERE group_id = $1";

  private final Pool pool;

  public PgSilenceStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> record(String groupId, Silence silence, Instant now) {
    return pool.preparedQuery(UPSERT).execute(parameters(groupId, silence, now)).mapEmpty();
  }

  /** The eight parameters {@link #UPSERT} reads, in order. */
  static Tuple parameters(String groupId, Silence silence, Instant now) {
    JsonArray reasons = new JsonArray();
    silence.reasons().forEach(r -> reasons.add(new JsonObject().put("rule", r.rule()).put("message", r.message())));
    return Tuple.tuple().addString(groupId).addString(silence.status())
        .addString(silence.signature()).addOffsetDateTime(utc(now)).addOffsetDateTime(utc(silence.until()))
        .addLong(silence.ruleSetVersion()).addValue(reasons).addValue(silence.explanation());
  }

  @Override
  public Future<Optional<RecordedSilence>> latest(String groupId) {
    return pool.preparedQuery(LATEST).execute(Tuple.of(groupId)).map(rows -> {
      if (rows.size() == 0) {
        return Optional.empty();
      }
      return Optional.of(toRecorded(rows.iterator().next()));
    });
  }

  private static RecordedSilence toRecorded(Row row) {
    List<Reason> reasons = new ArrayList<>();
    JsonArray stored = (JsonArray) row.getValue("reasons");
    for (int i = 0; i < stored.size(); i++) {
      JsonObject reason = stored.getJsonObject(i);
      reasons.add(new Reason(reason.getString("rule"), reason.getString("message")));
    }
    Silence silence = new Silence(row.getString("status"), row.getOffsetDateTime("until").toInstant(),
        row.getLong("rule_set_version"), reasons, row.getJsonObject("explanation"));
    return new RecordedSilence(row.getString("group_id"), silence, row.getOffsetDateTime("since").toInstant(),
        row.getOffsetDateTime("last_seen").toInstant(), row.getLong("decisions"));
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}

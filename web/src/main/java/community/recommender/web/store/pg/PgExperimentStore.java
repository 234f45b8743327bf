package community.recommender.web.store.pg;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.Stratum;
import community.recommender.web.store.ExperimentStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Experiments in PostgreSQL; a group's arm, once dealt, is never dealt again. */
public final class PgExperimentStore implements ExperimentStore {
  private static final String COLUMNS = "id, name, definition, starts_at, ends_at, stopped_at, created_by, created_at";
  private static final String INSERT = "INSERT INTO experiments (" + COLUMNS + ") VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)";
  /** A running experiment: started, not ended, not stopped, as of $1. */
  private static final String RUNNING = "e.starts_at <= $1 AND e.ends_at > $1 AND (e.stopped_at IS NULL OR e.stopped_at > $1)";
  private static final String HELD_ELSEWHERE = "EXISTS (SELECT 1 FROM experiment_assignments a JOIN experiments e "
      + "ON e.id = a.experiment_id WHERE a.group_id = $2 AND a.experiment_id <> $3 AND "
      + RUNNING.replace("$1", "$4") + ")";
  private static final String ASSIGN = "INSERT INTO experiment_assignments (experiment_id, group_id, arm, stratum, "
      + "assigned_at) SELECT $3, $2, $5, $6, $1 WHERE NOT " + HELD_ELSEWHERE + " ON CONFLICT DO NOTHING";

  private final Pool pool;

  public PgExperimentStore(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> create(Experiment experiment, Map<String, Assignment> assignments, Instant now) {
    List<Tuple> batch = new ArrayList<>();
    // Whether another experiment holds the group is judged at the later of now and the start.
    Instant judged = experiment.startsAt().isAfter(now) ? experiment.startsAt() : now;
    assignments.values().forEach(a -> batch.add(Tuple.tuple().addOffsetDateTime(utc(a.assignedAt()))
        .addString(a.groupId()).addString(experiment.id()).addOffsetDateTime(utc(judged)).addString(a.arm())
        .addString(a.stratum())));
    return pool.withTransaction(conn -> conn.preparedQuery(INSERT)
        .execute(Tuple.tuple().addString(experiment.id()).addString(experiment.name())
            .addValue(ExperimentJson.definition(experiment)).addOffsetDateTime(utc(experiment.startsAt()))
            .addOffsetDateTime(utc(experiment.endsAt())).addString(experiment.createdBy())
            .addOffsetDateTime(utc(experiment.createdAt())))
        .compose(inserted -> batch.isEmpty() ? Future.succeededFuture()
            : conn.preparedQuery(ASSIGN).executeBatch(batch).mapEmpty()))
        .mapEmpty();
  }

  @Override
  public Future<List<Experiment>> list() {
    return pool.query("SELECT " + COLUMNS + " FROM experiments ORDER BY created_at DESC, id").execute()
        .map(rows -> {
          List<Experiment> all = new ArrayList<>();
          rows.forEach(row -> all.add(toExperiment(row)));
          return all;
        });
  }

  @Override
  public Future<Optional<Experiment>> find(String id) {
    return pool.preparedQuery("SELECT " + COLUMNS + " FROM experiments WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toExperiment(rows.iterator().next())));
  }

  @Override
  public Future<Optional<Experiment>> stop(String id, Instant at) {
    return pool.preparedQuery("UPDATE experiments SET stopped_at = $2 WHERE id = $1 AND stopped_at IS NULL "
            + "AND ends_at > $2 RETURNING " + COLUMNS)
        .execute(Tuple.of(id, utc(at)))
        .compose(rows -> rows.size() == 1 ? Future.succeededFuture(Optional.of(toExperiment(rows.iterator().next())))
            : find(id));
  }

  @Override
  public Future<Set<String>> groupsInRunning(Instant now) {
    return pool.preparedQuery("SELECT a.group_id FROM experiment_assignments a JOIN experiments e "
            + "ON e.id = a.experiment_id WHERE " + RUNNING)
        .execute(Tuple.of(utc(now)))
        .map(rows -> {
          Set<String> groups = new HashSet<>();
          rows.forEach(row -> groups.add(row.getString(0)));
          return groups;
        });
  }

  @Override
  public Future<List<Assignment>> assignments(String experimentId) {
    return pool.preparedQuery("SELECT group_id, arm, stratum, assigned_at FROM experiment_assignments "
            + "WHERE experiment_id = $1 ORDER BY group_id")
        .execute(Tuple.of(experimentId))
        .map(rows -> {
          List<Assignment> all = new ArrayList<>();
          rows.forEach(row -> all.add(new Assignment(row.getString(0), row.getString(1), row.getString(2),
              row.getOffsetDateTime(3).toInstant())));
          return all;
        });
  }

  @Override
  public Future<Map<String, Double>> meanRewards(List<String> groupIds, Instant from, Instant to) {
    return pool.preparedQuery("SELECT group_id, avg(coalesce(reward, 0)) FROM suggestions WHERE group_id = ANY($1) "
            + "AND outcome = 'posted' AND posted_at >= $2 AND posted_at < $3 GROUP BY group_id")
        .execute(Tuple.of(groupIds.toArray(String[]::new), utc(from), utc(to)))
        .map(rows -> {
          Map<String, Double> rewards = new HashMap<>();
          rows.forEach(row -> rewards.put(row.getString(0), row.getDouble(1)));
          return rewards;
        });
  }

  @Override
  public Future<Optional<String>> assignLate(Experiment experiment, String groupId, Stratum stratum,
      Function<Map<String, Integer>, Arm> pick, Instant now) {
    return pool.withTransaction(conn -> conn
        // One dealer per experiment at a time, so the stratum's counts stay true while a group is dealt.
        .preparedQuery("SELECT id FROM experiments WHERE id = $1 FOR UPDATE").execute(Tuple.of(experiment.id()))
        .compose(locked -> armOf(conn, experiment.id(), groupId))
        .compose(existing -> existing.isPresent() ? Future.succeededFuture(existing)
            : counts(conn, experiment.id(), stratum.key())
                .compose(counts -> conn.preparedQuery(ASSIGN).execute(Tuple.tuple().addOffsetDateTime(utc(now))
                    .addString(groupId).addString(experiment.id()).addOffsetDateTime(utc(now))
                    .addString(pick.apply(counts).name()).addString(stratum.key())))
                .compose(inserted -> armOf(conn, experiment.id(), groupId))));
  }

  private static Future<Optional<String>> armOf(SqlConnection conn, String experimentId, String groupId) {
    return conn.preparedQuery("SELECT arm FROM experiment_assignments WHERE experiment_id = $1 AND group_id = $2")
        .execute(Tuple.of(experimentId, groupId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next().getString(0)));
  }

  private static Future<Map<String, Integer>> counts(SqlConnection conn, String experimentId, String stratum) {
    return conn.preparedQuery("SELECT arm, count(*) FROM experiment_assignments WHERE experiment_id = $1 "
            + "AND stratum = $2 GROUP BY arm")
        .execute(Tuple.of(experimentId, stratum))
        .map(rows -> {
          Map<String, Integer> counts = new HashMap<>();
          rows.forEach(row -> counts.put(row.getString(0), row.getLong(1).intValue()));
          return counts;
        });
  }

  private static Experiment toExperiment(Row row) {
    return ExperimentJson.experiment(row.getString("id"), row.getString("name"), row.getJsonObject("definition"),
        row.getOffsetDateTime("starts_at").toInstant(), row.getOffsetDateTime("ends_at").toInstant(),
        row.getOffsetDateTime("stopped_at") == null ? null : row.getOffsetDateTime("stopped_at").toInstant(),
        row.getString("created_by"), row.getOffsetDateTime("created_at").toInstant());
  }

  private static OffsetDateTime utc(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }
}

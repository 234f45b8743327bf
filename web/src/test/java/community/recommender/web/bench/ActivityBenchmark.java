package community.recommender.web.bench;

import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.Portrait;
import community.recommender.web.application.groups.GroupReassessment;
import community.recommender.web.store.database.Database;
import community.recommender.web.store.Futures;
import community.recommender.web.store.database.SchemaMigrations;
import community.recommender.web.store.pg.AdvisoryLock;
import community.recommender.web.store.pg.PgActivityReports;
import community.recommender.web.store.pg.PgGroupStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Measures activity ingest and the recompute of every group's level, each against a baseline
 * measured in the same run on the same embedded PostgreSQL.
 *
 * <ul>
 *   <li>Ingest: each group's hourly reports for {@code bench.days} days sent as one batch through
 *       {@link PgActivityReports#record}, the path {@code POST /activity} takes (row lock,
 *       overlap check, upsert), against plain batched INSERTs of the same rows into an identical
 *       table.
 *   <li>Recompute: {@link GroupReassessment#runOnce}, the store's read path plus the Java
 *       formulas plus the write-back, against one SQL UPDATE from a straight aggregate.
 * </ul>
 *
 * <p>Run with {@code mvn -B -Pbench -pl web -am test -DskipTests -Dbench.groups=10000}; see
 * the README.
 */
public final class ActivityBenchmark {
  private static final int GROUPS = Integer.getInteger("bench.groups", 10_000);
  private static final int DAYS = Integer.getInteger("bench.days", 30);
  private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 4);

  private static final String PLAIN_INSERT = """
      INSERT INTO baseline_reports (group_id, window_start, window_end, messages, active_members, joins,
          leaves, reactions, clicks, orders, complaints)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)""";

  private static final String SQL_RECOMPUTE = """
      UPDATE groups g SET
          level = least(100, round(50 * (a.week_messages + a.week_reactions / 2.0)
              / greatest(1, (g.portrait ->> 'memberCount')::int))),
          assessed_at = $3
        FROM (SELECT group_id,
                     coalesce(sum(messages) FILTER (WHERE window_end > $1), 0) AS week_messages,
                     coalesce(sum(reactions) FILTER (WHERE window_end > $1), 0) AS week_reactions,
                     sum(messages) AS month_messages, sum(reactions) AS month_reactions
                FROM activity_reports WHERE window_end > $2 GROUP BY group_id) a
       WHERE a.group_id = g.id""";

  private ActivityBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path dataDir = Files.createTempDirectory("recommender-bench");
    Vertx vertx = Vertx.vertx();
    Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
    int windows = DAYS * 24;
    long rows = (long) GROUPS * windows;
    System.out.printf("Activity benchmark: %,d groups x %d days of hourly reports = %,d rows; %d requests in"
        + " flight; %d cores; data in %s%n", GROUPS, DAYS, rows, CONCURRENCY,
        Runtime.getRuntime().availableProcessors(), dataDir);
    try (Database database = Database.open(vertx, null, dataDir)) {
      Pool pool = database.pool();
      SchemaMigrations.apply(database);
      Futures.await(pool.query("CREATE TABLE baseline_reports (LIKE activity_reports INCLUDING ALL)").execute());
      Futures.await(pool.query("ALTER TABLE baseline_reports ADD FOREIGN KEY (group_id) REFERENCES groups (id)")
          .execute());
      PgGroupStore groups = new PgGroupStore(pool, Clock.fixed(now, ZoneOffset.UTC));
      PgActivityReports reports = new PgActivityReports(pool);
      createGroups(groups);

      double api = timed(() -> inParallel(g -> reports.record(id(g), reportsOf(g, windows, now)).mapEmpty()));
      double plain = timed(() -> inParallel(g -> pool.preparedQuery(PLAIN_INSERT)
          .executeBatch(tuplesOf(g, windows, now)).mapEmpty()));
      System.out.printf("%nIngest%n  store upsert (API path):  %8.1f s  %,10.0f rows/s%n", api, rows / api);
      System.out.printf("  plain batched INSERT:     %8.1f s  %,10.0f rows/s%n", plain, rows / plain);
      System.out.printf("  API path / baseline:      %8.2f x the time%n", api / plain);

      Futures.await(pool.query("VACUUM ANALYZE").execute());
      GroupReassessment reassessment = new GroupReassessment(groups, new AdvisoryLock(pool, AdvisoryLock.GROUP_REASSESSMENT), Clock.fixed(now, ZoneOffset.UTC));
      double store = timed(() -> reassessment.runOnce().mapEmpty());
      Map<String, Integer> javaLevels = levels(pool);
      Tuple periods = Tuple.of(utc(now.minus(Duration.ofDays(7))), utc(now.minus(Duration.ofDays(28))), utc(now));
      double sql = timed(() -> pool.preparedQuery(SQL_RECOMPUTE).execute(periods).mapEmpty());
      long differ = levels(pool).entrySet().stream().filter(e -> !e.getValue().equals(javaLevels.get(e.getKey())))
          .count();
      System.out.printf("%nRecompute of every group's level (reports of the last 28 days)%n");
      System.out.printf("  store read path + Java:   %8.2f s  %,10.0f groups/s%n", store, GROUPS / store);
      System.out.printf("  straight SQL aggregate:   %8.2f s  %,10.0f groups/s%n", sql, GROUPS / sql);
      System.out.printf("  store / baseline:         %8.2f x the time; levels that differ: %d of %,d%n", store / sql,
          differ, javaLevels.size());
    } finally {
      Futures.await(vertx.close());
      deleteTree(dataDir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var paths = Files.walk(dir)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    }
  }

  private static void createGroups(PgGroupStore groups) {
    SplittableRandom random = new SplittableRandom(4);
    for (int from = 0; from < GROUPS; from += 1000) {
      Map<String, Portrait> chunk = new LinkedHashMap<>();
      for (int g = from; g < Math.min(GROUPS, from + 1000); g++) {
        chunk.put(id(g), Portrait.named("Group " + g).region("CN-SH-Shanghai")
            .memberCount(50 + random.nextInt(450)).build());
      }
      Futures.await(groups.saveAll(chunk));
    }
  }

  private static String id(int group) {
    return String.format("bench-%06d", group);
  }

  /** Hourly reports ending at {@code now}, with counts that differ by group and hour but not between runs. */
  private static List<ActivityReport> reportsOf(int group, int windows, Instant now) {
    SplittableRandom random = new SplittableRandom(group);
    List<ActivityReport> reports = new ArrayList<>(windows);
    for (int w = windows; w > 0; w--) {
      Instant to = now.minus(Duration.ofHours(w - 1L));
      long messages = random.nextInt(group % 7 == 0 ? 2 : 12);
      reports.add(new ActivityReport(to.minus(Duration.ofHours(1)), to, new ActivityCounts(messages, messages / 2,
          random.nextInt(2), random.nextInt(2), random.nextInt(8), random.nextInt(3), random.nextInt(2),
          random.nextInt(20) == 0 ? 1 : 0)));
    }
    return reports;
  }

  private static List<Tuple> tuplesOf(int group, int windows, Instant now) {
    List<Tuple> tuples = new ArrayList<>(windows);
    for (ActivityReport report : reportsOf(group, windows, now)) {
      ActivityCounts c = report.counts();
      tuples.add(Tuple.wrap(List.of(id(group), utc(report.from()), utc(report.to()), c.getMessages(),
          c.getActiveMembers(), c.getJoins(), c.getLeaves(), c.getReactions(), c.getClicks(), c.getOrders(),
          c.getComplaints())));
    }
    return tuples;
  }

  /** Runs {@code work} for every group, {@link #CONCURRENCY} at a time. */
  private static Future<Void> inParallel(IntFunction<Future<Void>> work) {
    AtomicInteger next = new AtomicInteger();
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < CONCURRENCY; lane++) {
      lanes.add(lane(next, work));
    }
    return Future.all(lanes).mapEmpty();
  }

  private static Future<Void> lane(AtomicInteger next, IntFunction<Future<Void>> work) {
    int group = next.getAndIncrement();
    if (group >= GROUPS) {
      return Future.succeededFuture();
    }
    return work.apply(group).compose(done -> lane(next, work));
  }

  private static Map<String, Integer> levels(Pool pool) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    Futures.await(pool.query("SELECT id, level FROM groups").execute())
        .forEach(row -> levels.put(row.getString("id"), row.getInteger("level")));
    return levels;
  }

  /** Seconds taken until the future completes. */
  private static double timed(java.util.function.Supplier<Future<Void>> work) {
    long started = System.nanoTime();
    awaitLong(work.get());
    return (System.nanoTime() - started) / 1e9;
  }

  private static void awaitLong(Future<Void> future) {
    try {
      future.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }
}

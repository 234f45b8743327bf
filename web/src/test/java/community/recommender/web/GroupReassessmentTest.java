package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import community.recommender.web.application.groups.GroupReassessment;
import community.recommender.web.store.pg.AdvisoryLock;
import community.recommender.web.store.Futures;
import community.recommender.web.store.GroupQuery;
import community.recommender.web.store.GroupSummary;
import community.recommender.web.store.pg.PgActivityReports;
import community.recommender.web.store.pg.PgGroupStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The periodic pass that keeps listed bands and stages current as reports age, on a real PostgreSQL. */
class GroupReassessmentTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

  @TempDir static Path dir;
  private static TestDatabase database;
  private static PgGroupStore groups;

  @BeforeAll
  static void start() {
    database = TestDatabase.start();
    database.migrate();
    groups = new PgGroupStore(database.pool(), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() throws Exception {
    database.close();
  }

  private static GroupReassessment at(Instant now) {
    return new GroupReassessment(groups, new AdvisoryLock(database.pool(), AdvisoryLock.GROUP_REASSESSMENT), Clock.fixed(now, ZoneOffset.UTC));
  }

  private static GroupSummary listed(String id) {
    return Futures.await(groups.page(new GroupQuery(List.of(), List.of(), null, List.of(), List.of(id), 1, 1)))
        .items().get(0);
  }

  @Test
  void quietGroup_turnsDormantInListsOnceItsReportsAreAWeekOld() {
    Futures.await(groups.save("aging", Portrait.named("Aging").memberCount(100).build()));
    Futures.await(new PgActivityReports(database.pool()).record("aging", List.of(new ActivityReport(
        NOW.minus(Duration.ofHours(2)), NOW.minus(Duration.ofHours(1)),
        new ActivityCounts(20, 5, 0, 0, 0, 0, 0, 0)))));

    Optional<Integer> today = Futures.await(at(NOW).runOnce());
    GroupSummary beforeAging = listed("aging");
    Futures.await(at(NOW.plus(Duration.ofDays(7))).runOnce());
    GroupSummary afterAWeek = listed("aging");

    assertThat(today).hasValueSatisfying(assessed -> assertThat(assessed).isPositive());
    assertThat(beforeAging.level()).isEqualTo(10);
    assertThat(beforeAging.band()).isEqualTo(ActivityBand.QUIET);
    assertThat(beforeAging.stage()).isEqualTo(Stage.NEW);
    assertThat(afterAWeek.band()).isEqualTo(ActivityBand.DORMANT);
    assertThat(afterAWeek.stage()).isEqualTo(Stage.DORMANT);
    assertThat(afterAWeek.assessedAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
  }

  @Test
  void lockedWork_isSkippedByOthersUntilItEnds() {
    AdvisoryLock lock = new AdvisoryLock(database.pool(), 42);
    Promise<String> firstWork = Promise.promise();
    Future<Optional<String>> first = lock.ifFree(firstWork::future);
    awaitHeld(lock);

    Optional<String> whileHeld = Futures.await(lock.ifFree(() -> Future.succeededFuture("second")));
    firstWork.complete("first");
    Optional<String> firstResult = Futures.await(first);
    Optional<String> afterwards = Futures.await(lock.ifFree(() -> Future.succeededFuture("third")));

    assertThat(whileHeld).isEmpty();
    assertThat(firstResult).contains("first");
    assertThat(afterwards).contains("third");
  }

  /** Waits, up to 10 s, until some session holds {@code lock}. */
  private static void awaitHeld(AdvisoryLock lock) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      long holders = Futures.await(database.pool()
          .query("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND objid = 42 AND granted").execute())
          .iterator().next().getLong(0);
      if (holders > 0) {
        return;
      }
      Thread.onSpinWait();
    }
    throw new AssertionError("the lock was never taken");
  }
}

package community.recommender.web.assessment;

import community.recommender.engine.model.Group;
import community.recommender.web.database.AdvisoryLock;
import community.recommender.web.store.PgGroupStore;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every group's stored level, band, trend and stage fresh as its reports age.
 *
 * <p>A write to a group reassesses that group at once; this pass catches the rest, such as a
 * group whose reports simply grow older until it turns QUIET. Lists are therefore at most one
 * interval behind; reading a single group is always current. When several nodes share a
 * database, one of them makes each pass and the others skip it.
 */
public final class GroupReassessment implements AutoCloseable {
  /** How often every group is reassessed. */
  public static final Duration INTERVAL = Duration.ofMinutes(10);

  private static final Logger LOG = LoggerFactory.getLogger(GroupReassessment.class);
  private static final int CHUNK = 1000;
  private static final long LOCK_KEY = 0x6772_6f75_7073_0001L;

  private final PgGroupStore groups;
  private final AdvisoryLock lock;
  private final Clock clock;
  private final AtomicBoolean running = new AtomicBoolean();
  private Vertx vertx;
  private long timer = -1;

  public GroupReassessment(PgGroupStore groups, Pool pool, Clock clock) {
    this.groups = groups;
    this.lock = new AdvisoryLock(pool, LOCK_KEY);
    this.clock = clock;
  }

  /**
   * One pass over every active group, a chunk at a time; answers how many groups it assessed, or
   * empty when another node is making a pass.
   */
  public Future<Optional<Integer>> runOnce() {
    return lock.ifFree(() -> pass("", clock.instant(), 0));
  }

  /** Runs a pass now and then every {@link #INTERVAL}, skipping a turn while the previous pass still runs. */
  public void schedule(Vertx vertx) {
    this.vertx = vertx;
    vertx.runOnContext(now -> tick());
    timer = vertx.setPeriodic(INTERVAL.toMillis(), id -> tick());
  }

  private void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    runOnce()
        .onFailure(e -> LOG.warn("reassessing the groups failed; the next pass retries: {}", e.getMessage()))
        .onComplete(done -> running.set(false));
  }

  private Future<Integer> pass(String afterId, Instant now, int assessed) {
    return groups.readAfter(afterId, CHUNK, now).compose(chunk -> {
      if (chunk.isEmpty()) {
        return Future.succeededFuture(assessed);
      }
      return groups.saveAssessments(chunk, now).compose(saved -> chunk.size() < CHUNK
          ? Future.succeededFuture(assessed + chunk.size())
          : pass(lastId(chunk), now, assessed + chunk.size()));
    });
  }

  private static String lastId(List<Group> chunk) {
    return chunk.get(chunk.size() - 1).getId();
  }

  @Override
  public void close() {
    if (vertx != null && timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }
}

package community.recommender.web.store.database;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the embedded PostgreSQL's process and starts it again, on the same data dir and port,
 * when it has died (killed, or crashed). The pool and the LISTEN connection find it again by
 * themselves; until then writes answer 503.
 *
 * <p>It runs on a thread of its own, as starting PostgreSQL blocks for a second or more. A restart
 * that fails is logged and tried again on the next check.
 */
final class PostmasterWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PostmasterWatch.class);

  private final EmbeddedPostgresServer server;
  private final ScheduledExecutorService timer;
  private final AtomicLong restarts = new AtomicLong();

  private PostmasterWatch(EmbeddedPostgresServer server) {
    this.server = server;
    this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "postmaster-watch");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Checks {@code server}'s process every {@code interval} from now on. */
  static PostmasterWatch start(EmbeddedPostgresServer server, Duration interval) {
    PostmasterWatch watch = new PostmasterWatch(server);
    watch.timer.scheduleWithFixedDelay(watch::check, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    return watch;
  }

  /** How often the process was found dead and started again. */
  long restarts() {
    return restarts.get();
  }

  private void check() {
    if (server.postmaster().isPresent()) {
      return;
    }
    LOG.warn("the embedded PostgreSQL in {} is not running; starting it again on port {}", server.dataDir(),
        server.port());
    long started = System.nanoTime();
    try {
      server.restart();
      restarts.incrementAndGet();
      LOG.warn("the embedded PostgreSQL is running again (restart {} since start, in {} ms)", restarts.get(),
          (System.nanoTime() - started) / 1_000_000);
    } catch (Exception e) {
      LOG.error("cannot start the embedded PostgreSQL again; trying again shortly", e);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
    try {
      timer.awaitTermination(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package community.recommender.web.server;

import community.recommender.web.metrics.ServerMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work this node repeats on a timer. A run that fails is logged with its stack trace and
 * counted in {@code recommender_periodic_task_failures_total{task}}; the next run retries. A run
 * is skipped while the previous one of the same task is still going.
 */
final class PeriodicTasks implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PeriodicTasks.class);

  private final Vertx vertx;
  private final ServerMetrics metrics;
  private final List<Long> timers = new CopyOnWriteArrayList<>();

  PeriodicTasks(Vertx vertx, ServerMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  /** Runs {@code task} every {@code interval}, and at once too when {@code runNow}. */
  void every(Duration interval, String name, boolean runNow, Supplier<Future<?>> task) {
    Runnable failed = metrics.taskFailureCounter(name);
    AtomicBoolean running = new AtomicBoolean();
    Runnable tick = () -> {
      if (!running.compareAndSet(false, true)) {
        return;
      }
      Future<?> run;
      try {
        run = task.get();
      } catch (RuntimeException e) {
        run = Future.failedFuture(e);
      }
      run.onFailure(e -> {
        failed.run();
        LOG.warn("the periodic task '{}' failed; it runs again in {} s", name, interval.toSeconds(), e);
      }).onComplete(done -> running.set(false));
    };
    if (runNow) {
      vertx.runOnContext(now -> tick.run());
    }
    timers.add(vertx.setPeriodic(interval.toMillis(), id -> tick.run()));
  }

  @Override
  public void close() {
    timers.forEach(vertx::cancelTimer);
  }
}

package community.recommender.web.server;

import community.recommender.web.application.suggestions.Waiters;
import community.recommender.web.http.ApiVerticle;
import io.vertx.core.Future;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the HTTP edge down gracefully: readiness turns 503, every waiting long poll is answered
 * (503 with {@code Retry-After}), the servers keep serving while unready for the configured time,
 * then stop taking connections, requests under way finish within the grace period, and then every
 * connection closes.
 */
final class Drain implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Drain.class);

  private final AtomicBoolean draining;
  private final Waiters waiters;
  private final List<ApiVerticle> servers;
  private final Duration unready;
  private final Duration grace;

  /**
   * {@code unready} is how long to keep serving with readiness at 503 before closing;
   * {@code grace} is how long requests under way may then take to finish.
   */
  Drain(AtomicBoolean draining, Waiters waiters, List<ApiVerticle> servers, Duration unready, Duration grace) {
    this.draining = draining;
    this.waiters = waiters;
    this.servers = List.copyOf(servers);
    this.unready = unready;
    this.grace = grace;
  }

  @Override
  public void close() throws Exception {
    draining.set(true);
    int polls = waiters.size();
    waiters.drain();
    if (!unready.isZero()) {
      LOG.info("shutting down: readiness answers 503; still serving for {} ms so load balancers stop sending traffic",
          unready.toMillis());
      Thread.sleep(unready.toMillis());
    }
    LOG.info("shutting down: answering {} waiting poll(s), letting requests under way finish for up to {} ms", polls,
        grace.toMillis());
    Future<?> stopped = Future.all(servers.stream().map(server -> server.shutdown(grace)).toList());
    try {
      stopped.toCompletionStage().toCompletableFuture().get(grace.toMillis() + 1_000, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      LOG.warn("the HTTP servers did not stop within {} ms; closing the rest anyway", grace.toMillis());
    }
  }
}

package community.recommender.web.server;

import community.recommender.web.application.playbook.RuleFolderRejected;
import community.recommender.web.http.ApiVerticle;
import community.recommender.web.metrics.ServerMetrics;
import community.recommender.web.store.Futures;
import community.recommender.web.store.database.Database;
import community.recommender.web.store.database.DatabaseUnavailable;
import io.vertx.core.Vertx;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Starts the server: the data dir, then the stores, the application services and the HTTP edge,
 * each wired by its own assembly; prints the first admin token once.
 */
public final class RecommenderServer {
  /** Kept from the shutdown timeout for closing everything behind the HTTP servers. */
  private static final Duration STOP_RESERVE = Duration.ofSeconds(3);

  private RecommenderServer() {}

  /**
   * How long requests under way may take to finish when the server shuts down: the shutdown
   * timeout less what stopping the rest (the database above all) may take.
   */
  static Duration requestGrace(Duration shutdownTimeout) {
    Duration reserve = shutdownTimeout.dividedBy(2).compareTo(STOP_RESERVE) < 0 ? shutdownTimeout.dividedBy(2)
        : STOP_RESERVE;
    return shutdownTimeout.minus(reserve);
  }

  /**
   * Starts everything in {@code config}, printing progress, and then the access log, to {@code out} as
   * to a terminal (the first admin token included); fails with a one-line reason.
   */
  public static RunningServer start(ServerConfig config, PrintStream out) {
    return start(config, out, Terminal.PRESENT);
  }

  /**
   * Starts everything in {@code config}, printing progress, and then one access log line per request,
   * to {@code out}; the first admin token is printed only when a {@code terminal} is present. Fails
   * with a one-line reason.
   */
  public static RunningServer start(ServerConfig config, PrintStream out, Terminal terminal) {
    long started = System.nanoTime();
    DataDir dataDir = DataDir.prepare(config.dataDir());
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Vertx vertx = Vertx.vertx();
      opened.push(() -> Futures.await(vertx.close()));
      ServerMetrics metrics = new ServerMetrics();
      opened.push(metrics);
      StoreAssembly stores = StoreAssembly.open(vertx, config, opened);
      metrics.counter("recommender.embedded.postgres.restarts",
          "Times the embedded PostgreSQL's process was found dead and started again", stores.database(),
          Database::restarts);
      ApplicationAssembly services = ApplicationAssembly.start(vertx, config, stores, metrics, out, opened);
      Futures.await(stores.tokens().createFirstAdmin()).ifPresent(token -> dataDir.announceFirstAdmin(token, out, terminal));
      AtomicBoolean draining = new AtomicBoolean();
      // Closed after the drain below, so that the polls answered on the way down are logged too.
      BatchedLines accessLines = new BatchedLines(out);
      opened.push(accessLines);
      List<ApiVerticle> servers = HttpAssembly.listen(vertx, config, stores, services, metrics, dataDir.uploads(),
          draining, accessLines);
      opened.push(new Drain(draining, services.waiters(), servers, config.unreadyFor(),
          requestGrace(config.shutdownTimeout()).minus(config.unreadyFor())));
      ApiVerticle api = servers.get(0);
      out.printf("Community Recommender listening on http://localhost:%d (%s; rule set v%d; %d items in the index,"
              + " %d of them indexed at this start) in %.1f s%n", api.actualPort(), stores.database().description(),
          services.startingRules().version(), services.indexSize(), services.indexed(),
          (System.nanoTime() - started) / 1e9);
      return new RunningServer(opened, config.shutdownTimeout(), api.actualPort(), stores.database().url(), api.routes().endpoints(),
          () -> Futures.await(services.learning().refreshModel()));
    } catch (DatabaseUnavailable | RuleFolderRejected e) {
      new RunningServer(opened, config.shutdownTimeout(), 0, null, List.of(), () -> {}).close();
      throw new StartupException(e.getMessage(), e);
    } catch (RuntimeException e) {
      new RunningServer(opened, config.shutdownTimeout(), 0, null, List.of(), () -> {}).close();
      throw e;
    }
  }
}

package community.recommender.web.metrics;

import community.recommender.web.decision.DecisionTimer;
import community.recommender.web.server.RouteTable;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * This node's metrics in Prometheus' text format: requests by route template, method and status;
 * decision latency; pending suggestions and waiting long polls; and the JVM's memory, threads, GC,
 * CPU and open file descriptors.
 */
public final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer decisions;
  private final Map<String, Timer> requests = new ConcurrentHashMap<>();

  public ServerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    gc.bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    decisions = Timer.builder("recommender.decision")
        .description("Time to decide one group's next suggestion: rules, retrieval and scoring")
        .publishPercentileHistogram()
        .minimumExpectedValue(Duration.ofMillis(1))
        .maximumExpectedValue(Duration.ofSeconds(2))
        .register(registry);
  }

  /** Measures decisions. */
  public DecisionTimer decisionTimer() {
    return decisions::record;
  }

  /** Publishes {@code value} as the gauge {@code name}. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /**
   * A handler, mounted before every other, that times each request and counts it under its route
   * template from {@code routes} (read when the request ends, so that the table may be filled after
   * this handler is mounted).
   */
  public Handler<RoutingContext> requestRecorder(Supplier<RouteTable> routes) {
    return ctx -> {
      long started = System.nanoTime();
      ctx.addEndHandler(ended -> {
        String method = ctx.request().method().name();
        String route = routes.get().templateOf(ctx.currentRoute(), method, ctx.request().path());
        String status = Integer.toString(ctx.response().getStatusCode());
        requests.computeIfAbsent(method + ' ' + route + ' ' + status, key -> Timer.builder("http.server.requests")
                .description("HTTP requests by route template, method and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", status)
                .register(registry))
            .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
      });
      ctx.next();
    };
  }

  /** Everything, in Prometheus' text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}

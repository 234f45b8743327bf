package community.recommender.web.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
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
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * This node's metrics in Prometheus' text format: requests by route template, method and status;
 * decision latency; pending suggestions and waiting long polls; and the JVM's memory, threads, GC,
 * CPU and open file descriptors.
 */
public final class ServerMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Timer decisions;
  private final Map<RequestKind, Timer> requests = new ConcurrentHashMap<>();

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

  /** Runs {@code decision} and records how long it took. */
  public <T> T timeDecision(Supplier<T> decision) {
    return decisions.record(decision);
  }

  /**
   * Counts the failures of the periodic task {@code task} under
   * {@code recommender_periodic_task_failures_total{task="…"}}; answers what to call on each.
   */
  public Runnable taskFailureCounter(String task) {
    Counter counter = Counter.builder("recommender.periodic.task.failures")
        .description("Failed runs of a periodic task, such as the index catch-up or the group reassessment")
        .tag("task", task)
        .register(registry);
    return counter::increment;
  }

  /**
   * Publishes {@code total} of {@code state}, a count that only grows, as the counter {@code name}.
   * The registry holds {@code state} weakly: pass an object that lives as long as the server.
   */
  public <T> void counter(String name, String description, T state, ToLongFunction<T> total) {
    FunctionCounter.builder(name, state, s -> total.applyAsLong(s)).description(description).register(registry);
  }

  /** Publishes {@code value} as the gauge {@code name}. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** Records one HTTP request of {@code nanos} under its method, route template and status. */
  public void recordRequest(String method, String route, int status, long nanos) {
    RequestKind kind = new RequestKind(method, route, status);
    Timer timer = requests.get(kind);
    if (timer == null) {
      timer = requests.computeIfAbsent(kind, key -> Timer.builder("http.server.requests")
          .description("HTTP requests by route template, method and status")
          .tag("method", method)
          .tag("route", route)
          .tag("status", Integer.toString(status))
          .register(registry));
    }
    timer.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Everything, in Prometheus' text exposition format. */
  public String scrape() {
    return registry.scrape();
  }

  /** What requests are counted under; its strings keep their hashes, so a lookup hashes no text. */
  private record RequestKind(String method, String route, int status) {}

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}

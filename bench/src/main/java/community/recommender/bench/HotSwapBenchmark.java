package community.recommender.bench;

import community.recommender.web.server.RecommenderServer;
import community.recommender.web.server.RunningServer;
import community.recommender.web.server.ServerConfig;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Swaps the rule set again and again while chat tools poll, and compares failures and latency
 * during the swaps with the same load before them.
 *
 * <p>Usage: {@code java -cp bench/target/bench.jar community.recommender.bench.HotSwapBenchmark
 * [pollers=8] [seconds=15] [rules=rules] [samples=content-library/samples]}.
 */
public final class HotSwapBenchmark {
  private static final List<String> GROUPS = List.of("sh-coffee-lovers", "bj-flowers-home", "gz-car-club",
      "hz-parenting", "sf-outdoor-photo", "ldn-tea-baking", "ber-fitness");

  private HotSwapBenchmark() {}

  public static void main(String[] args) throws Exception {
    int pollers = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Path rulesSource = Path.of(args.length > 2 ? args[2] : "rules");
    Path samples = Path.of(args.length > 3 ? args[3] : "content-library/samples");
    Path work = Files.createTempDirectory("bench-hot-swap");
    Path rules = Files.createDirectories(work.resolve("rules"));
    try (var files = Files.list(rulesSource)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
        Files.copy(file, rules.resolve(file.getFileName()));
      }
    }
    // No rate limit: the pollers share one token and would otherwise measure the limiter.
    ServerConfig config = new ServerConfig(0, work.resolve("data"), null, rules, samples, true)
        .with(new ServerConfig.Delivery(ServerConfig.Delivery.DEFAULTS.pendingTtl(), 0, 1));
    try (RunningServer server = RecommenderServer.start(config, new PrintStream(OutputStream.nullOutputStream()))) {
      String token = Files.readString(work.resolve("data").resolve("admin.token")).strip();
      String base = "http://localhost:" + server.port();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      System.out.printf("Hot swap under polling load: %d pollers, %d s per phase, %d demo groups%n", pollers, seconds,
          GROUPS.size());
      poll(http, base, token, pollers, 3, null);
      Phase steady = poll(http, base, token, pollers, seconds, null);
      AtomicInteger swaps = new AtomicInteger();
      Phase swapping = poll(http, base, token, pollers, seconds,
          () -> swapRules(http, base, token, swaps.incrementAndGet()));
      System.out.println("  steady state: " + steady);
      System.out.println("  during swaps: " + swapping);
      System.out.printf("  p99 during swaps / steady p99 = %.2f%n",
          swapping.latencies.percentileMillis(99) / steady.latencies.percentileMillis(99));
    }
  }

  /** Replaces one small rule file; each swap compiles and activates the whole set. */
  private static int swapRules(HttpClient http, String base, String token, int swapCount) throws Exception {
    String drl = """
        package playbook.swap
        import community.recommender.engine.model.*
        ruleflow-group "candidates"
        rule "Swap %d"
        when
            $c : Candidate( kind == ContentKind.POST )
        then
            insert( new ScoreAdjustment($c, %d, "swap") );
        end
        """.formatted(swapCount, swapCount % 3);
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/rules/swap.drl"))
        .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.ofString(drl)).build(),
        HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("swap failed: " + response.statusCode() + " " + response.body());
    }
    return response.statusCode();
  }

  private static Phase poll(HttpClient http, String base, String token, int pollers, int seconds, Swapper swapper)
      throws Exception {
    AtomicBoolean running = new AtomicBoolean(true);
    AtomicInteger failures = new AtomicInteger();
    Map<String, Integer> reasons = new ConcurrentHashMap<>();
    List<Latencies> perThread = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < pollers; i++) {
      Latencies latencies = new Latencies();
      perThread.add(latencies);
      Thread thread = new Thread(() -> {
        while (running.get()) {
          String group = GROUPS.get(ThreadLocalRandom.current().nextInt(GROUPS.size()));
          HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/groups/" + group + "/suggestion"))
              .header("Authorization", "Bearer " + token).build();
          long start = System.nanoTime();
          try {
            int status = http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
            latencies.add(System.nanoTime() - start);
            if (status != 200 && status != 204) {
              failures.incrementAndGet();
              reasons.merge("HTTP " + status, 1, Integer::sum);
            }
          } catch (Exception e) {
            failures.incrementAndGet();
            reasons.merge(e.getClass().getSimpleName() + ": " + e.getMessage(), 1, Integer::sum);
          }
        }
      });
      threads.add(thread);
      thread.start();
    }
    int swaps = 0;
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < end) {
      if (swapper != null) {
        swapper.swap();
        swaps++;
      } else {
        Thread.sleep(100);
      }
    }
    running.set(false);
    for (Thread thread : threads) {
      thread.join();
    }
    Latencies all = new Latencies();
    perThread.forEach(all::addAll);
    return new Phase(all, failures.get(), swaps, Map.copyOf(reasons));
  }

  @FunctionalInterface
  private interface Swapper {
    int swap() throws Exception;
  }

  private record Phase(Latencies latencies, int failures, int swaps, Map<String, Integer> reasons) {
    @Override
    public String toString() {
      return latencies.count() + " requests, " + failures + " failed" + (reasons.isEmpty() ? "" : " " + reasons)
          + ", " + swaps + " swaps; " + latencies.summary();
    }
  }
}

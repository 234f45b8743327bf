import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's client-side steps that wrk cannot do, with the JDK only:
 *
 * <pre>
 * java bench/BenchTool.java seed    URL ADMIN_TOKEN GROUPS          create bench-0 … bench-N-1
 * java bench/BenchTool.java claim   URL TOKEN GROUPS IDS_FILE       poll each group once; save the ids answered
 * java bench/BenchTool.java waiters URL BOT_TOKEN GROUPS IDS_FILE WAKE [SERVER_PID]
 *     hold one ?wait=60 long poll per group, report heap (also after a full GC of SERVER_PID, through
 *     jcmd, which is what the held polls really keep) and file descriptors, then wake WAKE of them
 *     (feedback "skipped" lifts their hold) one at a time and time each answer. With SERVER_PID the
 *     baseline comes first, in the same run: heap live with no poll held, before and after one plain
 *     poll of every group (which leaves each group's answer remembered), so that what one held poll
 *     costs is the difference over the number held
 * </pre>
 *
 * Every step is bounded in requests and time, and only talks to the URL given (loopback).
 */
public class BenchTool {
  private static final int CONCURRENCY = 64;
  private static final Pattern ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

  public static void main(String[] args) throws Exception {
    String url = args[1];
    String token = args[2];
    int groups = Integer.parseInt(args[3]);
    switch (args[0]) {
      case "seed" -> seed(url, token, groups);
      case "claim" -> claim(url, token, groups, Path.of(args[4]));
      case "waiters" -> waiters(url, token, groups, Path.of(args[4]), Integer.parseInt(args[5]),
          args.length > 6 ? Long.parseLong(args[6]) : -1);
      default -> throw new IllegalArgumentException("seed, claim or waiters");
    }
  }

  private static final String[] PORTRAITS = {
      "{\"name\":\"Bench coffee %d\",\"platform\":\"wecom\",\"type\":\"interest\",\"interests\":[\"coffee\"],"
          + "\"region\":\"CN-SH-Shanghai\",\"language\":\"zh\",\"timezone\":\"UTC\",\"memberCount\":200}",
      "{\"name\":\"Bench tea %d\",\"platform\":\"slack\",\"type\":\"interest\",\"interests\":[\"tea\",\"baking\"],"
          + "\"region\":\"GB-LND-London\",\"language\":\"en\",\"timezone\":\"UTC\",\"memberCount\":120}",
      "{\"name\":\"Bench outdoor %d\",\"platform\":\"discord\",\"type\":\"interest\",\"interests\":[\"outdoor\",\"photography\"],"
          + "\"language\":\"en\",\"timezone\":\"UTC\",\"memberCount\":300}"};

  private static void seed(String url, String admin, int groups) throws Exception {
    HttpClient http = client();
    long started = System.nanoTime();
    AtomicInteger failed = new AtomicInteger();
    run(groups, i -> http.sendAsync(request(url + "/api/v1/groups/bench-" + i, admin)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(String.format(PORTRAITS[i % PORTRAITS.length], i))).build(),
        HttpResponse.BodyHandlers.discarding()).thenAccept(r -> {
          if (r.statusCode() / 100 != 2) {
            failed.incrementAndGet();
          }
        }));
    System.out.printf("seeded %d groups in %.1f s (%d failed)%n", groups, seconds(started), failed.get());
  }

  private static void claim(String url, String bot, int groups, Path idsFile) throws Exception {
    HttpClient http = client();
    Map<Integer, String> ids = new ConcurrentHashMap<>();
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    long started = System.nanoTime();
    run(groups, i -> poll(http, url, bot, i).thenAccept(r -> {
      statuses.merge(r.statusCode(), 1, Integer::sum);
      Matcher id = ID.matcher(r.body());
      if (r.statusCode() == 200 && id.find()) {
        ids.put(i, id.group(1));
      }
    }));
    double took = seconds(started);
    List<String> lines = new ArrayList<>();
    ids.forEach((group, id) -> lines.add(group + " " + id));
    Files.write(idsFile, lines);
    System.out.printf("one poll of each of %d groups with this token: %.1f s, %.0f polls/s, statuses %s%n",
        groups, took, groups / took, statuses);
  }

  private static void waiters(String url, String bot, int groups, Path idsFile, int wake, long serverPid)
      throws Exception {
    Map<Integer, String> delivered = new ConcurrentHashMap<>();
    for (String line : Files.readAllLines(idsFile)) {
      String[] parts = line.split(" ");
      delivered.put(Integer.parseInt(parts[0]), parts[1]);
    }
    HttpClient http = client();
    double baseline = Double.NaN;
    if (serverPid > 0) {
      double bare = liveHeap(http, url, serverPid);
      run(groups, i -> poll(http, url, bot, i));
      baseline = liveHeap(http, url, serverPid);
      System.out.printf("baseline: server heap live after a full GC, no long polls held: %.0f MB; "
          + "after one plain poll of every group (answers remembered): %.0f MB%n", bare / 1e6, baseline / 1e6);
    }
    Map<Integer, CompletableFuture<HttpResponse<String>>> waiting = new ConcurrentHashMap<>();
    Semaphore opening = new Semaphore(256);
    long started = System.nanoTime();
    for (int i = 0; i < groups; i++) {
      opening.acquire();
      CompletableFuture<HttpResponse<String>> poll = http.sendAsync(
          request(url + "/api/v1/groups/bench-" + i + "/suggestion?wait=60", bot).timeout(Duration.ofSeconds(90)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
      waiting.put(i, poll);
      // Let the next request go once this one's connection is open; an answer also frees it.
      CompletableFuture.runAsync(opening::release, CompletableFuture.delayedExecutor(2, TimeUnit.MILLISECONDS));
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
    double held = 0;
    while (System.nanoTime() < deadline && (held = gauge(http, url, "recommender_long_polls_waiting")) < groups) {
      Thread.sleep(200);
    }
    System.out.printf("%.0f long polls held after %.1f s (of %d opened; %d answered early)%n", held, seconds(started),
        groups, waiting.values().stream().filter(CompletableFuture::isDone).count());
    System.out.printf("server heap used %.0f MB (committed %.0f MB), open file descriptors %.0f, threads %.0f%n",
        sum(http, url, "jvm_memory_used_bytes{area=\"heap\"") / 1e6,
        sum(http, url, "jvm_memory_committed_bytes{area=\"heap\"") / 1e6,
        gauge(http, url, "process_files_open_files"), gauge(http, url, "jvm_threads_live_threads"));
    if (serverPid > 0) {
      double live = liveHeap(http, url, serverPid);
      double polls = gauge(http, url, "recommender_long_polls_waiting");
      System.out.printf("server heap live after a full GC, %.0f long polls held: %.0f MB; over the baseline %.0f MB, "
          + "%.1f KB per held poll%n", polls, live / 1e6, (live - baseline) / 1e6, (live - baseline) / polls / 1e3);
    }
    List<Long> latencies = new ArrayList<>();
    List<Integer> sample = delivered.keySet().stream().filter(g -> g < groups).sorted().limit(wake).toList();
    for (int group : sample) {
      CompletableFuture<HttpResponse<String>> poll = waiting.get(group);
      if (poll.isDone()) {
        continue;
      }
      long sent = System.nanoTime();
      HttpResponse<String> feedback = http.send(request(url + "/api/v1/suggestions/" + delivered.get(group) + "/feedback", bot)
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"outcome\":\"skipped\"}")).build(),
          HttpResponse.BodyHandlers.ofString());
      long fed = System.nanoTime();
      HttpResponse<String> answer = poll.get(30, TimeUnit.SECONDS);
      long answered = System.nanoTime();
      if (feedback.statusCode() == 200 && answer.statusCode() == 200) {
        latencies.add(TimeUnit.NANOSECONDS.toMicros(answered - fed));
      } else {
        System.out.printf("group bench-%d: feedback %d, waiter %d%n", group, feedback.statusCode(), answer.statusCode());
      }
    }
    latencies.sort(null);
    if (!latencies.isEmpty()) {
      System.out.printf("from feedback answered to waiter answered, %d wake-ups: median %.1f ms, max %.1f ms%n",
          latencies.size(), latencies.get(latencies.size() / 2) / 1000.0, latencies.get(latencies.size() - 1) / 1000.0);
    }
    System.out.println("closing the remaining long polls");
    waiting.values().forEach(poll -> poll.cancel(true));
  }

  /**
   * The server's heap in use right after a full GC (through jcmd), which is what is live: heap used at
   * any other moment includes garbage not collected yet.
   */
  private static double liveHeap(HttpClient http, String url, long serverPid) throws Exception {
    new ProcessBuilder("jcmd", Long.toString(serverPid), "GC.run").redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(60, TimeUnit.SECONDS);
    return sum(http, url, "jvm_memory_used_bytes{area=\"heap\"");
  }

  private static double gauge(HttpClient http, String url, String name) throws IOException, InterruptedException {
    for (String line : metrics(http, url)) {
      if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
        return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
      }
    }
    return Double.NaN;
  }

  private static double sum(HttpClient http, String url, String prefix) throws IOException, InterruptedException {
    return metrics(http, url).stream().filter(l -> l.startsWith(prefix))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
  }

  private static List<String> metrics(HttpClient http, String url) throws IOException, InterruptedException {
    return Arrays.asList(http.send(HttpRequest.newBuilder(URI.create(url + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body().split("\n"));
  }

  /** Runs {@code count} requests, at most {@link #CONCURRENCY} at once, and waits for all. */
  private static void run(int count, java.util.function.IntFunction<CompletableFuture<?>> request) throws Exception {
    Semaphore slots = new Semaphore(CONCURRENCY);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      slots.acquire();
      all.add(request.apply(i).whenComplete((r, e) -> slots.release()));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
  }

  /** One plain poll of group bench-{@code group}. */
  private static CompletableFuture<HttpResponse<String>> poll(HttpClient http, String url, String token, int group) {
    return sendAgainIfClosed(http, request(url + "/api/v1/groups/bench-" + group + "/suggestion", token).GET().build());
  }

  private static HttpRequest.Builder request(String url, String token) {
    return HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token);
  }

  /**
   * Sends {@code request}, and once more when the server closed the kept-alive connection before
   * answering (it closes connections idle longer than its header deadline, and the client may pick
   * one just then); nothing was read from such a request, so sending it again is safe.
   */
  private static CompletableFuture<HttpResponse<String>> sendAgainIfClosed(HttpClient http, HttpRequest request) {
    return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).exceptionallyCompose(e -> {
      Throwable cause = e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
      return cause instanceof IOException && String.valueOf(cause.getMessage()).contains("received no bytes")
          ? http.sendAsync(request, HttpResponse.BodyHandlers.ofString()) : CompletableFuture.failedFuture(cause);
    });
  }

  private static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}

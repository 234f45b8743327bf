package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL killed (SIGKILL to its postmaster) while bots poll and an operator
 * writes: the server stays up, answers 503 with {@code Retry-After} instead of failing, starts
 * PostgreSQL again by itself, and loses no write it acknowledged.
 */
class DatabaseFaultTest {
  private static final List<String> GROUPS = List.of("sh-coffee-lovers", "ldn-tea-baking", "hz-parenting",
      "ber-fitness", "gz-car-club", "bj-flowers-home", "sf-outdoor-photo");
  private static final HttpClient HTTP = ContractCheckedClient.wrap(HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());

  @TempDir Path dataDir;

  @Test
  void postgresKilledUnderPolls_isStartedAgain_writesGet503Meanwhile_andNoAcknowledgedWriteIsLost() throws Exception {
    try (TestServer server = TestServer.startEmbedded(dataDir)) {
      String admin = TestServer.adminToken(dataDir);
      String bot = server.createToken(admin, "bot");
      List<String> before = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
      ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(before.get(0).strip())).orElseThrow();
      Load load = new Load(server.url(), admin, bot);
      load.start();
      await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 10 && load.polls.get() >= 50);

      long killedAt = System.nanoTime();
      load.outage = true;
      postmaster.destroyForcibly();
      postmaster.onExit().join();
      int acknowledgedAtKill = load.acknowledged.size();

      await("a write refused with 503").atMost(Duration.ofSeconds(30)).until(() -> load.refusedWrites.get() > 0);
      await("readiness 503").atMost(Duration.ofSeconds(30)).untilTrue(load.readinessDown);
      await("the restart counted").atMost(Duration.ofSeconds(60)).until(() -> get(server.url() + "/metrics", null)
          .body().contains("recommender_embedded_postgres_restarts_total 1.0"));
      await("writes acknowledged again").atMost(Duration.ofSeconds(60))
          .until(() -> load.acknowledged.size() > acknowledgedAtKill + 5);
      await("readiness 200 again").atMost(Duration.ofSeconds(60))
          .until(() -> get(server.url() + "/health/ready", null).body(), body -> body.contains("\"status\":\"ready\""));
      double readyAfterSeconds = (System.nanoTime() - killedAt) / 1e9;
      load.stop();

      assertThat(load.unexpected).as("answers other than 2xx, or 503 with Retry-After").isEmpty();
      List<String> after = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
      assertThat(Long.parseLong(after.get(0).strip())).isNotEqualTo(postmaster.pid());
      assertThat(after.get(3).strip()).as("the same port").isEqualTo(before.get(3).strip());
      for (String group : load.acknowledged) {
        assertThat(status(server.url() + "/api/v1/groups/" + group, admin)).as(group).isEqualTo(200);
      }
      assertThat(status(server.url() + "/api/v1/groups/sh-coffee-lovers/suggestion", bot)).isIn(200, 204);
      assertThat(load.outagePollStatuses.get(204)).as("polls answered from the holds this node remembers")
          .isNotNull();
      System.out.printf("fault: ready again %.1f s after the kill; %d writes acknowledged, %d refused with 503;"
              + " %d polls: %s by status outside the outage, %s during it%n", readyAfterSeconds,
          load.acknowledged.size(), load.refusedWrites.get(), load.polls.get(), load.pollStatuses,
          load.outagePollStatuses);
    }
  }

  /** An operator creating groups, a bot polling every demo group, and a probe of readiness, until stopped. */
  private static final class Load {
    final String url;
    final String admin;
    final String bot;
    final List<String> acknowledged = new CopyOnWriteArrayList<>();
    final AtomicInteger refusedWrites = new AtomicInteger();
    final AtomicInteger polls = new AtomicInteger();
    final Map<Integer, AtomicInteger> pollStatuses = new ConcurrentHashMap<>();
    /** Polls answered between the kill and the first write acknowledged after it. */
    final Map<Integer, AtomicInteger> outagePollStatuses = new ConcurrentHashMap<>();
    volatile boolean outage;
    final AtomicBoolean readinessDown = new AtomicBoolean();
    final List<String> unexpected = new CopyOnWriteArrayList<>();
    final AtomicBoolean running = new AtomicBoolean(true);
    final List<Thread> threads = new CopyOnWriteArrayList<>();

    Load(String url, String admin, String bot) {
      this.url = url;
      this.admin = admin;
      this.bot = bot;
    }

    void start() {
      threads.add(new Thread(this::write, "writer"));
      for (int i = 0; i < 2; i++) {
        threads.add(new Thread(this::poll, "poller-" + i));
      }
      threads.add(new Thread(this::probe, "probe"));
      threads.forEach(Thread::start);
    }

    void stop() throws InterruptedException {
      running.set(false);
      for (Thread thread : threads) {
        thread.join(30_000);
      }
    }

    private void write() {
      for (int n = 0; running.get(); n++) {
        String group = "fault-" + n;
        // Every write is a change notice, and a node remembers no answer worked out while a notice
        // came; a write every 200 ms leaves the pollers' holds time to be remembered.
        LockSupport.parkNanos(Duration.ofMillis(180).toNanos());
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "/api/v1/groups/" + group))
            .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Group " + n + "\"}")));
        if (answer == null) {
          continue;
        }
        if (answer.statusCode() == 201) {
          acknowledged.add(group);
          outage = false;
        } else if (isRetryLater(answer)) {
          refusedWrites.incrementAndGet();
        } else {
          unexpected.add("PUT " + group + ": " + answer.statusCode() + " " + answer.body());
        }
      }
    }

    private void poll() {
      for (int n = 0; running.get(); n++) {
        String path = "/api/v1/groups/" + GROUPS.get(n % GROUPS.size()) + "/suggestion";
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + path))
            .header("Authorization", "Bearer " + bot).GET());
        if (answer == null) {
          continue;
        }
        polls.incrementAndGet();
        (outage ? outagePollStatuses : pollStatuses).computeIfAbsent(answer.statusCode(), s -> new AtomicInteger())
            .incrementAndGet();
        if (!Set.of(200, 204).contains(answer.statusCode()) && !isRetryLater(answer)) {
          unexpected.add("GET " + path + ": " + answer.statusCode() + " " + answer.body());
        }
      }
    }

    private void probe() {
      while (running.get()) {
        HttpResponse<String> ready = send(HttpRequest.newBuilder(URI.create(url + "/health/ready")).GET());
        if (ready != null && ready.statusCode() == 503) {
          readinessDown.set(true);
        }
      }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      // Paced, so that four clients leave the machine's cores to the server and PostgreSQL.
      LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
      try {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        unexpected.add("no answer: " + e);
        return null;
      }
    }

    private static boolean isRetryLater(HttpResponse<String> answer) {
      return answer.statusCode() == 503 && answer.headers().firstValue("Retry-After").isPresent()
          && answer.body().contains("database cannot be reached");
    }
  }

  private static int status(String url, String token) throws Exception {
    return get(url, token).statusCode();
  }

  private static HttpResponse<String> get(String url, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
  }
}

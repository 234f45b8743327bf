package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real server process with long polls open: readiness and every poll are answered,
 * the embedded PostgreSQL stops cleanly, and the process ends within its shutdown bound; with an
 * unready time, readiness answers 503 while the server still serves.
 */
class GracefulShutdownTest {
  private static final int POLLS = 5;
  private static final Duration BOUND = Duration.ofSeconds(10);
  private static final Duration UNREADY = Duration.ofSeconds(4);
  private static final HttpClient HTTP = ContractCheckedClient.wrap(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

  @TempDir Path temp;

  @Test
  void sigtermWithOpenLongPolls_answersEveryPoll_andExitsWithinTheBound() throws Exception {
    Path data = temp.resolve("data");
    try (ServerProcess server = ServerProcess.serve(List.of("-Xmx256m"), data,
        "--shutdown-timeout-seconds=" + BOUND.toSeconds())) {
      String admin = Files.readString(data.resolve("admin.token")).strip();
      HttpResponse<String> ready = send(server, "/health/ready", null);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
      assertThat(new JsonObject(ready.body()).getJsonObject("checks").getMap())
          .containsEntry("database", "ok").containsEntry("index", "ok").containsEntry("listen", "ok");
      assertThat(send(server, "/health/live", null).statusCode()).isEqualTo(200);

      List<CompletableFuture<HttpResponse<String>>> polls = new ArrayList<>();
      for (int i = 0; i < POLLS; i++) {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/groups/g" + i))
            .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Group " + i + "\", \"memberCount\": 50}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
        polls.add(HTTP.sendAsync(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/groups/g" + i
                + "/suggestion?wait=60")).header("Authorization", "Bearer " + admin).build(),
            HttpResponse.BodyHandlers.ofString()));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> waitingPolls(server) == POLLS);
      assertThat(polls).noneMatch(CompletableFuture::isDone);

      long signalled = System.nanoTime();
      server.terminate();

      for (CompletableFuture<HttpResponse<String>> poll : polls) {
        HttpResponse<String> answer = poll.get(BOUND.toSeconds(), TimeUnit.SECONDS);
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
        assertThat(answer.headers().firstValue("Retry-After")).isPresent();
      }
      assertThat(server.waitForExit(BOUND.plusSeconds(1))).as(server.output()).isTrue();
      Duration took = Duration.ofNanos(System.nanoTime() - signalled);
      assertThat(took).as(server.output()).isLessThanOrEqualTo(BOUND.plusSeconds(1));
      assertThat(server.output()).contains("Community Recommender stopped in");
      assertThat(data.resolve("postgres").resolve("postmaster.pid")).as("PostgreSQL stopped cleanly").doesNotExist();
    }
  }

  @Test
  void sigtermWithAnUnreadyTime_answersReadiness503_whileItStillServes_thenExitsWithinTheBound() throws Exception {
    Path data = temp.resolve("unready");
    // The test JVM's PostgreSQL: the embedded one's clean stop is the test above's.
    try (ServerProcess server = ServerProcess.serve(List.of("-Xmx256m"), data,
        "--database-url=" + TestDatabase.urlFor(data), "--shutdown-timeout-seconds=" + BOUND.toSeconds(),
        "--unready-seconds=" + UNREADY.toSeconds())) {
      String admin = Files.readString(data.resolve("admin.token")).strip();
      assertThat(send(server, "/health/ready", null).statusCode()).isEqualTo(200);
      HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + "/api/v1/groups/g0"))
          .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString("{\"name\": \"Group 0\", \"memberCount\": 50}")).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isIn(200, 201);
      CompletableFuture<HttpResponse<String>> poll = HTTP.sendAsync(HttpRequest.newBuilder(
              URI.create(server.url() + "/api/v1/groups/g0/suggestion?wait=60"))
          .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
      await().atMost(Duration.ofSeconds(30)).until(() -> waitingPolls(server) == 1);

      long signalled = System.nanoTime();
      server.terminate();

      HttpResponse<String> answered = poll.get(UNREADY.toSeconds(), TimeUnit.SECONDS);
      assertThat(answered.statusCode()).isEqualTo(503);
      HttpResponse<String> ready = send(server, "/health/ready", null);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
      assertThat(new JsonObject(ready.body()).getString("status")).isEqualTo("draining");
      assertThat(send(server, "/health/live", null).statusCode()).isEqualTo(200);
      assertThat(send(server, "/api/v1/groups/g0", admin).statusCode()).isEqualTo(200);

      assertThat(server.waitForExit(BOUND.plusSeconds(1))).as(server.output()).isTrue();
      assertThat(Duration.ofNanos(System.nanoTime() - signalled)).as(server.output())
          .isBetween(UNREADY, BOUND.plusSeconds(1));
      assertThat(server.output()).contains("Community Recommender stopped in");
    }
  }

  private static long waitingPolls(ServerProcess server) throws Exception {
    String metrics = send(server, "/metrics", null).body();
    return metrics.lines().filter(line -> line.startsWith("recommender_long_polls_waiting"))
        .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst().orElse(-1);
  }

  private static HttpResponse<String> send(ServerProcess server, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

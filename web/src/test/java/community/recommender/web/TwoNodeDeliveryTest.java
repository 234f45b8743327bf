package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server instances on one PostgreSQL, polled at once by bots on both: a suggestion is handed to
 * one poller only, a paced group gets one post, and a change on one node wakes a long poll on the other.
 */
class TwoNodeDeliveryTest {
  private static final ServerConfig.Delivery UNLIMITED = new ServerConfig.Delivery(Duration.ofHours(6), 0, 1);
  private static final int POLLERS_PER_NODE = 4;

  @TempDir static Path temp;
  private static TestServer first;
  private static TestServer second;
  private static String admin;
  private static List<String> demoGroups;

  @BeforeAll
  static void start() {
    Path firstData = temp.resolve("first");
    first = TestServer.start(new ServerConfig(0, firstData, null, TestServer.RULES, TestServer.SAMPLES, true)
        .with(UNLIMITED));
    second = TestServer.start(new ServerConfig(0, temp.resolve("second"), first.databaseUrl(), TestServer.RULES,
        TestServer.SAMPLES, false).with(UNLIMITED));
    admin = TestServer.adminToken(firstData);
    JsonArray items = new JsonObject(first.get("/api/v1/groups", admin).body()).getJsonArray("items");
    demoGroups = items.stream().map(JsonObject.class::cast).map(g -> g.getString("id")).toList();
  }

  @AfterAll
  static void stop() {
    second.close();
    first.close();
  }

  @Test
  void concurrentBots_onTwoNodes_neverReceiveTheSameSuggestion() throws Exception {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = "unpaced-" + i;
      JsonObject portrait = new JsonObject(first.get("/api/v1/groups/" + demoGroups.get(i % demoGroups.size()), admin)
          .body()).getJsonObject("portrait");
      portrait.getJsonObject("attributes").put("minGapMinutes", "0").put("maxSendsPerDay", "100");
      assertThat(first.put("/api/v1/groups/" + id, admin, portrait.encode()).statusCode()).isEqualTo(201);
      groups.add(id);
    }

    List<String> delivered = pollConcurrently(groups, 6);

    assertThat(delivered.size()).as("groups without pacing are served again and again").isGreaterThan(groups.size());
    assertThat(delivered).doesNotHaveDuplicates();
  }

  @Test
  void pacedGroups_polledOnBothNodesAtOnce_areEachDeliveredOnce() throws Exception {
    List<String> groups = new ArrayList<>();
    for (int i = 0; i < demoGroups.size(); i++) {
      String id = "paced-" + i;
      String portrait = new JsonObject(first.get("/api/v1/groups/" + demoGroups.get(i), admin).body())
          .getJsonObject("portrait").encode();
      assertThat(first.put("/api/v1/groups/" + id, admin, portrait).statusCode()).isEqualTo(201);
      groups.add(id);
    }

    List<String> delivered = pollConcurrently(groups, 4);

    assertThat(delivered).doesNotHaveDuplicates().hasSize(groups.size());
  }

  @Test
  void aLongPollOnOneNode_isWokenByFeedbackOnTheOther() {
    String group = demoGroups.get(0);
    String bot = first.createToken(admin, "bot", group);
    HttpResponse<String> claimed = first.get("/api/v1/groups/" + group + "/suggestion", bot);
    assertThat(claimed.statusCode()).isEqualTo(200);
    String id = new JsonObject(claimed.body()).getString("id");

    CompletableFuture<HttpResponse<String>> waiting = second.getAsync("/api/v1/groups/" + group + "/suggestion?wait=50", bot);
    await().atMost(Duration.ofSeconds(20)).until(() -> waiting(second) > 0);
    long reported = System.nanoTime();
    assertThat(first.postJson("/api/v1/suggestions/" + id + "/feedback", bot, "{\"outcome\": \"failed\"}").statusCode())
        .isEqualTo(200);

    await().atMost(Duration.ofSeconds(20)).until(waiting::isDone);
    assertThat(waiting.join().statusCode()).isEqualTo(200);
    assertThat(new JsonObject(waiting.join().body()).getString("id")).isNotEqualTo(id);
    assertThat(Duration.ofNanos(System.nanoTime() - reported)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void aLookOnOneNode_stopsShowingASuggestionOnceABotOnTheOtherClaimsIt() {
    String group = demoGroups.get(1);
    String operator = first.createToken(admin, "operator");
    String bot = first.createToken(admin, "bot", group);
    HttpResponse<String> looked = second.get("/api/v1/groups/" + group + "/suggestion", operator);
    assertThat(looked.statusCode()).isEqualTo(200);
    String id = new JsonObject(looked.body()).getString("id");
    assertThat(second.get("/api/v1/groups/" + group + "/suggestion", operator).headers().firstValue("ETag"))
        .hasValue("\"" + id + "\"");

    HttpResponse<String> claimed = first.get("/api/v1/groups/" + group + "/suggestion", bot);

    assertThat(new JsonObject(claimed.body()).getString("id")).isEqualTo(id);
    await().atMost(Duration.ofSeconds(10)).until(() -> {
      HttpResponse<String> again = second.get("/api/v1/groups/" + group + "/suggestion", operator);
      return again.statusCode() == 204 || !again.body().contains(id);
    });
  }

  /**
   * Bots on both nodes poll every group {@code rounds} times, each in its own shuffled order; answers
   * the id of every suggestion delivered.
   */
  private static List<String> pollConcurrently(List<String> groups, int rounds) throws Exception {
    List<String> delivered = Collections.synchronizedList(new ArrayList<>());
    Map<Integer, Integer> statuses = new ConcurrentHashMap<>();
    ExecutorService pollers = Executors.newFixedThreadPool(2 * POLLERS_PER_NODE);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < 2 * POLLERS_PER_NODE; p++) {
        TestServer node = p % 2 == 0 ? first : second;
        String bot = first.createToken(admin, "bot");
        Random random = new Random(p);
        done.add(pollers.submit(() -> {
          for (int round = 0; round < rounds; round++) {
            List<String> order = new ArrayList<>(groups);
            Collections.shuffle(order, random);
            for (String group : order) {
              HttpResponse<String> answer = node.get("/api/v1/groups/" + group + "/suggestion", bot);
              statuses.merge(answer.statusCode(), 1, Integer::sum);
              if (answer.statusCode() == 200) {
                delivered.add(new JsonObject(answer.body()).getString("id"));
              }
            }
          }
          return null;
        }));
      }
      for (Future<?> poller : done) {
        poller.get(3, TimeUnit.MINUTES);
      }
    } finally {
      pollers.shutdownNow();
    }
    assertThat(statuses.keySet()).as("statuses %s", statuses).isSubsetOf(200, 204);
    return delivered;
  }

  private static int waiting(TestServer node) {
    for (String line : node.get("/metrics", null).body().split("\n")) {
      if (line.startsWith("recommender_long_polls_waiting ")) {
        return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    return 0;
  }
}

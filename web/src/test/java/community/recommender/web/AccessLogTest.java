package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The access log of a real server process, read from its standard output: one JSON object a line
 * per request, with the request id it echoes, the route template, and the token's name and role,
 * never the token. The process has no terminal, so the first admin token stays in its file.
 */
class AccessLogTest {
  private static final HttpClient HTTP = ContractCheckedClient.wrap(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

  @TempDir static Path temp;
  private static ServerProcess server;
  private static String admin;

  @BeforeAll
  static void start() throws Exception {
    // The test JVM's PostgreSQL: what is tested is the log, and starting a PostgreSQL of its own costs seconds.
    // The demo data gives polls something to answer, from memory too.
    Path data = temp.resolve("data");
    server = ServerProcess.serve(List.of(), data, "--database-url=" + TestDatabase.urlFor(data), "--demo");
    admin = Files.readString(temp.resolve("data").resolve("admin.token")).strip();
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void aRequestWithAnId_isLoggedUnderThatId_withItsRouteTemplateAndTokenRole_andTheIdIsEchoed() throws Exception {
    HttpResponse<String> answer = get("/api/v1/groups/a-group-of-42", admin, "poll-7f3a.42:retry-1");

    assertThat(answer.statusCode()).isEqualTo(404);
    assertThat(answer.headers().firstValue("X-Request-Id")).contains("poll-7f3a.42:retry-1");
    JsonObject line = logged("poll-7f3a.42:retry-1");
    assertThat(Instant.parse(line.getString("time"))).isNotNull();
    assertThat(line.getString("method")).isEqualTo("GET");
    assertThat(line.getString("route")).isEqualTo("/api/v1/groups/{groupId}");
    assertThat(line.getInteger("status")).isEqualTo(404);
    assertThat(line.getDouble("durationMs")).isNotNegative();
    assertThat(line.getString("role")).isEqualTo("admin");
    assertThat(line.getString("tokenName")).isNotBlank();
    assertThat(line.fieldNames()).containsExactlyInAnyOrder("time", "requestId", "method", "route", "status",
        "durationMs", "tokenName", "role");
  }

  @Test
  void aPollAnsweredFromMemory_isLoggedAsTheRouterLogsIt() throws Exception {
    String path = "/api/v1/groups/sh-coffee-lovers/suggestion";
    get(path, admin, "look-1");
    // A token is remembered for one second of the server's real clock, and an answer until a change
    // notice for its group: the third look was once left to the router on a loaded machine, so look
    // until one is answered from memory.
    String fromMemory = null;
    for (int look = 2; fromMemory == null && look <= 10; look++) {
      double before = metric("recommender_polls_from_memory_total");
      HttpResponse<String> answer = get(path, admin, "look-" + look);
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("X-Request-Id")).contains("look-" + look);
      if (metric("recommender_polls_from_memory_total") > before) {
        fromMemory = "look-" + look;
      }
    }

    assertThat(fromMemory).as("one of nine looks after the first was answered from memory").isNotNull();
    JsonObject routed = logged("look-1");
    JsonObject line = logged(fromMemory);
    assertThat(line.getString("route")).isEqualTo("/api/v1/groups/{groupId}/suggestion");
    assertThat(line.getInteger("status")).isEqualTo(200);
    assertThat(line.getString("role")).isEqualTo("admin");
    assertThat(line.getString("tokenName")).isEqualTo(routed.getString("tokenName"));
    assertThat(line.fieldNames()).isEqualTo(routed.fieldNames());
  }

  @Test
  void aRequestWithoutAnId_orWithAnInsaneOne_getsAGeneratedId_echoedAndLogged() throws Exception {
    HttpResponse<String> without = get("/api/v1/groups", admin, null);
    HttpResponse<String> insane = get("/api/v1/groups", admin, "<script>alert(1)</script>");

    String generated = without.headers().firstValue("X-Request-Id").orElseThrow();
    String replaced = insane.headers().firstValue("X-Request-Id").orElseThrow();
    assertThat(generated).matches("[0-9a-f-]{36}");
    assertThat(replaced).matches("[0-9a-f-]{36}").isNotEqualTo(generated);
    assertThat(logged(generated).getString("route")).isEqualTo("/api/v1/groups");
    assertThat(logged(generated).getInteger("status")).isEqualTo(200);
    assertThat(logged(replaced).getString("route")).isEqualTo("/api/v1/groups");
    assertThat(server.output()).doesNotContain("<script>");
  }

  @Test
  void aRequestWithoutAToken_isLoggedWithoutNameOrRole_andNoLineEverHoldsAToken() throws Exception {
    HttpResponse<String> refused = get("/api/v1/groups", "cr_a-token-that-was-never-issued", "refused-1");

    assertThat(refused.statusCode()).isEqualTo(401);
    JsonObject line = logged("refused-1");
    assertThat(line.getValue("tokenName")).isNull();
    assertThat(line.getValue("role")).isNull();
    assertThat(line.getInteger("status")).isEqualTo(401);
    assertThat(server.output()).doesNotContain("cr_a-token-that-was-never-issued").doesNotContain(admin);
  }

  @Test
  void withoutATerminal_theFirstAdminTokenIsOnlyInItsFile_andTheLogSaysWhere() {
    assertThat(server.output()).doesNotContain(admin)
        .contains("saved it to " + temp.resolve("data").resolve("admin.token"));
  }

  /** The value of the metric {@code name}. */
  private static double metric(String name) throws IOException, InterruptedException {
    return get("/metrics", null, null).body().lines().filter(line -> line.startsWith(name + " ")).findFirst()
        .map(line -> Double.parseDouble(line.substring(name.length() + 1))).orElseThrow();
  }

  /** The access log line of {@code requestId}, waiting for it to be written. */
  private static JsonObject logged(String requestId) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> accessLines().stream()
        .filter(line -> requestId.equals(line.getString("requestId"))).findFirst(), Optional::isPresent).get();
  }

  /** Every line of the output that is a JSON object: the access log. */
  private static List<JsonObject> accessLines() {
    return server.output().lines().filter(line -> line.startsWith("{")).map(line -> {
      try {
        return new JsonObject(line);
      } catch (DecodeException e) {
        throw new AssertionError("an access log line is not one JSON object: " + line, e);
      }
    }).toList();
  }

  private static HttpResponse<String> get(String path, String token, String requestId)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path))
        .header("Authorization", "Bearer " + token);
    if (requestId != null) {
      request.header("X-Request-Id", requestId);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}

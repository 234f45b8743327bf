package community.recommender.web;

import community.recommender.web.cli.Main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Chat-tool delivery over HTTP: claims, ETags, long polls, batches and the feedback loop. */
class DeliveryTest {
  // A burst of 200 per token, refilled slowly: the 400-request burst below meets the limit however
  // long a busy machine takes to send it, and no other test here sends 200 requests with one token.
  @RegisterExtension static final ServerPerClass server = ServerPerClass.configured(folder ->
      new ServerConfig(0, folder.resolve("data"), null, TestServer.RULES, TestServer.SAMPLES, true)
          .with(new ServerConfig.Delivery(Duration.ofHours(6), 1, 200)));
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void botPoll_claimsTheSuggestion_andTheGroupIsThenHeldByPacing() {
    String bot = server.createToken(admin, "bot");

    HttpResponse<String> first = server.get("/api/v1/groups/hz-parenting/suggestion", bot);
    HttpResponse<String> second = server.get("/api/v1/groups/hz-parenting/suggestion", bot);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("ETag")).hasValue("\"" + new JsonObject(first.body()).getString("id") + "\"");
    assertThat(second.statusCode()).isEqualTo(204);
    long retryAfter = Long.parseLong(second.headers().firstValue("Retry-After").orElseThrow());
    assertThat(retryAfter).isBetween(3 * 3600L, 4 * 3600L);
    assertThat(second.headers().firstValue("X-Next-Suggestion-At")).isPresent();
  }

  @Test
  void explainedSilence_showsAnOperatorWhyAndUntilWhen_whileTheBotGets204() {
    assertThat(server.put("/api/v1/groups/explained-silence", admin,
        "{\"name\": \"Explained\", \"interests\": [\"coffee\"], \"region\": \"CN-SH-Shanghai\", \"language\": \"zh\"}")
        .statusCode()).isEqualTo(201);
    String bot = server.createToken(admin, "bot");
    String operator = server.createToken(admin, "operator");
    assertThat(server.get("/api/v1/groups/explained-silence/suggestion", bot).statusCode()).isEqualTo(200);

    HttpResponse<String> botPoll = server.get("/api/v1/groups/explained-silence/suggestion?explain=true", bot);
    HttpResponse<String> operatorLook = server.get("/api/v1/groups/explained-silence/suggestion?explain=true", operator);

    assertThat(botPoll.statusCode()).isEqualTo(204);
    assertThat(botPoll.headers().firstValue("Retry-After")).isPresent();
    assertThat(operatorLook.statusCode()).isEqualTo(200);
    JsonObject silence = new JsonObject(operatorLook.body());
    assertThat(silence.getString("status")).isEqualTo("held");
    assertThat(silence.getString("until")).isEqualTo(botPoll.headers().firstValue("X-Next-Suggestion-At").orElseThrow());
    assertThat(silence.getJsonArray("reasons").getJsonObject(0).getString("rule"))
        .isEqualTo("Leave a minimum gap between posts");
    assertThat(silence.getJsonObject("explanation").getJsonArray("needs")).isNotEmpty();
  }

  @Test
  void operatorPoll_onlyLooks_andLeavesTheSuggestionForTheBot() {
    String operator = server.createToken(admin, "operator");
    String bot = server.createToken(admin, "bot");

    String looked = id(server.get("/api/v1/groups/gz-car-club/suggestion", operator));
    String lookedAgain = id(server.get("/api/v1/groups/gz-car-club/suggestion", operator));
    String claimed = id(server.get("/api/v1/groups/gz-car-club/suggestion", bot));

    assertThat(lookedAgain).isEqualTo(looked);
    assertThat(claimed).isEqualTo(looked);
    assertThat(server.get("/api/v1/groups/gz-car-club/suggestion", operator).statusCode())
        .as("after the claim the group is held by pacing").isEqualTo(204);
  }

  @Test
  void ifNoneMatch_withTheCurrentETag_gets304() {
    HttpResponse<String> first = server.get("/api/v1/groups/sf-outdoor-photo/suggestion", admin);
    String etag = first.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> same = server.get("/api/v1/groups/sf-outdoor-photo/suggestion", admin, "If-None-Match", etag);
    HttpResponse<String> other = server.get("/api/v1/groups/sf-outdoor-photo/suggestion", admin,
        "If-None-Match", "\"something-else\"");

    assertThat(same.statusCode()).isEqualTo(304);
    assertThat(same.body()).isEmpty();
    assertThat(same.headers().firstValue("ETag")).hasValue(etag);
    assertThat(other.statusCode()).isEqualTo(200);
  }

  @Test
  void repeatedLooks_writeTheSameBytes_whileAnotherFormatIsRenderedForItself() {
    HttpResponse<String> first = server.get("/api/v1/groups/sea-coffee-roasters/suggestion", admin);
    HttpResponse<String> again = server.get("/api/v1/groups/sea-coffee-roasters/suggestion", admin);
    HttpResponse<String> remembered = server.get("/api/v1/groups/sea-coffee-roasters/suggestion", admin);
    HttpResponse<String> telegram = server.get("/api/v1/groups/sea-coffee-roasters/suggestion?format=telegram", admin);
    HttpResponse<String> explained = server.get("/api/v1/groups/sea-coffee-roasters/suggestion?explain=true", admin);

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.body()).as("the decision's answer and the stored one").isEqualTo(first.body());
    assertThat(remembered.body()).as("the stored answer and the remembered bytes").isEqualTo(again.body());
    assertThat(remembered.headers().firstValue("ETag")).isEqualTo(first.headers().firstValue("ETag"));
    assertThat(remembered.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(remembered.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(new JsonObject(first.body()).getJsonObject("rendering").getString("format")).isEqualTo("discord");
    assertThat(new JsonObject(telegram.body()).getJsonObject("rendering").getString("format")).isEqualTo("telegram");
    assertThat(new JsonObject(explained.body()).getJsonObject("explanation")).isNotNull();
    assertThat(explained.headers().firstValue("ETag")).isNotEqualTo(first.headers().firstValue("ETag"));
    assertThat(server.get("/api/v1/groups/sea-coffee-roasters/suggestion", admin, "If-None-Match",
        first.headers().firstValue("ETag").orElseThrow()).statusCode()).isEqualTo(304);
  }

  @Test
  void crossOriginRequests_getNoCorsHeaders_whenNoOriginIsListed() {
    HttpResponse<String> answer = server.get("/api/v1/groups/sf-outdoor-photo/suggestion", admin,
        "Origin", "https://chat.example.org");
    HttpResponse<String> preflight = server.send("OPTIONS", "/api/v1/groups/sf-outdoor-photo/suggestion", admin, null,
        "Origin", "https://chat.example.org", "Access-Control-Request-Method", "GET");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.statusCode()).isEqualTo(405);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
  }

  @Test
  void longPoll_onAHeldGroup_timesOutWith204() {
    String bot = server.createToken(admin, "bot");
    assertThat(server.get("/api/v1/groups/ber-fitness/suggestion", bot).statusCode()).isEqualTo(200);

    long started = System.nanoTime();
    HttpResponse<String> waited = server.get("/api/v1/groups/ber-fitness/suggestion?wait=2", bot);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(waited.statusCode()).isEqualTo(204);
    assertThat(waited.headers().firstValue("Retry-After")).isPresent();
    assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofSeconds(15));
  }

  @Test
  void longPoll_isAnsweredAsSoonAsFeedbackLiftsTheHold() {
    String bot = server.createToken(admin, "bot", "bj-flowers-home");
    String delivered = id(server.get("/api/v1/groups/bj-flowers-home/suggestion", bot));
    int waitingBefore = waitingLongPolls();

    long started = System.nanoTime();
    CompletableFuture<HttpResponse<String>> waiting = server.getAsync("/api/v1/groups/bj-flowers-home/suggestion?wait=50", bot);
    await().atMost(Duration.ofSeconds(20)).until(() -> waitingLongPolls() > waitingBefore);
    HttpResponse<String> skipped = server.postJson("/api/v1/suggestions/" + delivered + "/feedback", bot,
        "{\"outcome\": \"skipped\"}");

    assertThat(skipped.statusCode()).isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).until(waiting::isDone);
    HttpResponse<String> answered = waiting.join();
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(id(answered)).isNotEqualTo(delivered);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(40));
  }

  @Test
  void waitAboveSixtySeconds_isRefusedNamingTheParameter() {
    HttpResponse<String> response = server.get("/api/v1/groups/ldn-tea-baking/suggestion?wait=61", admin);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("field")).isEqualTo("wait");
  }

  @Test
  void feedback_isIdempotent_andAConflictingOutcomeGets409() {
    String bot = server.createToken(admin, "bot");
    String otherBot = server.createToken(admin, "bot");
    String id = id(server.get("/api/v1/groups/sh-coffee-lovers/suggestion", bot));
    String report = """
        {"outcome": "posted", "postedAt": "2026-01-05T09:30:00Z",
         "metrics": {"reactions": 12, "replies": 3, "clicks": 40, "orders": 2}}""";

    HttpResponse<String> first = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot, report);
    HttpResponse<String> again = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot, report);
    HttpResponse<String> conflicting = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot,
        "{\"outcome\": \"skipped\"}");
    HttpResponse<String> stranger = server.postJson("/api/v1/suggestions/" + id + "/feedback", otherBot, report);
    HttpResponse<String> unknown = server.postJson("/api/v1/suggestions/00000000-0000-0000-0000-000000000000/feedback",
        bot, report);
    HttpResponse<String> badOutcome = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot,
        "{\"outcome\": \"shared\"}");
    HttpResponse<String> badMetric = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot,
        "{\"outcome\": \"posted\", \"metrics\": {\"likes\": 1}}");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body())).isEqualTo(new JsonObject(first.body()));
    assertThat(new JsonObject(first.body()).getString("postedAt")).isEqualTo("2026-01-05T09:30:00Z");
    assertThat(conflicting.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(conflicting.body()).getJsonObject("error").getString("field")).isEqualTo("outcome");
    assertThat(stranger.statusCode()).isEqualTo(403);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(badOutcome.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(badMetric.body()).getJsonObject("error").getString("field")).isEqualTo("metrics.likes");
  }

  @Test
  void postedContent_isNotSuggestedAgain_andStatsCountIt() {
    String group = "ldn-tea-baking";
    JsonObject read = new JsonObject(server.get("/api/v1/groups/" + group, admin).body());
    JsonObject portrait = read.getJsonObject("portrait");
    portrait.getJsonObject("attributes").put("minGapMinutes", "0").put("maxSendsPerDay", "100")
        .put("rateLimitMessages", "100");
    assertThat(server.put("/api/v1/groups/" + group, admin, portrait.encode()).statusCode()).isEqualTo(200);
    String bot = server.createToken(admin, "bot", group);

    List<String> posted = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      HttpResponse<String> polled = server.get("/api/v1/groups/" + group + "/suggestion", bot);
      assertThat(polled.statusCode()).as("poll %d", i).isEqualTo(200);
      JsonObject suggestion = new JsonObject(polled.body());
      posted.add(suggestion.getJsonObject("content").getString("id"));
      assertThat(server.postJson("/api/v1/suggestions/" + suggestion.getString("id") + "/feedback", bot,
          "{\"outcome\": \"posted\", \"metrics\": {\"reactions\": 5}}").statusCode()).isEqualTo(200);
    }

    assertThat(new HashSet<>(posted)).as("each posted item is not suggested again").hasSize(3);
    JsonObject stats = new JsonObject(server.get("/api/v1/stats?groupId=" + group, admin).body());
    JsonArray content = stats.getJsonArray("content");
    for (String contentId : posted) {
      JsonObject item = find(content, "contentId", contentId);
      assertThat(item.getLong("posted")).isEqualTo(1);
      assertThat(item.getJsonObject("engagement").getLong("reactions")).isEqualTo(5);
    }
    JsonArray rules = stats.getJsonArray("rules");
    assertThat(rules).isNotEmpty();
    assertThat(rules.stream().map(JsonObject.class::cast).mapToLong(r -> r.getLong("fired")).max().orElse(0))
        .isGreaterThanOrEqualTo(3);
    assertThat(rules.stream().map(JsonObject.class::cast).mapToLong(r -> r.getLong("posted")).max().orElse(0))
        .isEqualTo(3);
  }

  @Test
  void batch_answersEachGroup_withScopeAndUnknownGroupsPerItem_andPages() {
    copyGroup("sh-coffee-lovers", "batch-1");
    copyGroup("sh-coffee-lovers", "batch-2");
    String scoped = server.createToken(admin, "bot", "batch-2", "batch-1");

    JsonObject mixed = new JsonObject(server.get("/api/v1/suggestions?groups=batch-1,gz-car-club,no-such",
        scoped).body());
    JsonObject own = new JsonObject(server.get("/api/v1/suggestions?pageSize=1&page=2", scoped).body());
    JsonObject all = new JsonObject(server.get("/api/v1/suggestions?pageSize=3", admin).body());

    assertThat(statuses(mixed)).containsExactly(List.of("batch-1", "any"), List.of("gz-car-club", 403),
        List.of("no-such", 403));
    assertThat(own.getInteger("total")).isEqualTo(2);
    assertThat(own.getJsonArray("items")).hasSize(1);
    assertThat(own.getJsonArray("items").getJsonObject(0).getString("groupId")).isEqualTo("batch-2");
    assertThat(all.getInteger("total")).isGreaterThanOrEqualTo(7);
    assertThat(all.getJsonArray("items")).hasSize(3);
    assertThat(server.get("/api/v1/suggestions?groups=no-such", admin).body()).contains("\"status\":404");
    assertThat(server.get("/api/v1/suggestions?pageSize=1000", admin).statusCode()).isEqualTo(422);
  }

  @Test
  void tokens_areCreatedOnce_listedWithoutSecrets_andRevoked() {
    HttpResponse<String> created = server.postJson("/api/v1/tokens", admin,
        "{\"role\": \"bot\", \"groups\": [\"ber-fitness\"], \"name\": \"berlin bot\"}");
    JsonObject token = new JsonObject(created.body());
    String list = server.get("/api/v1/tokens", admin).body();

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(token.getString("token")).startsWith("cr_");
    assertThat(list).contains("berlin bot").doesNotContain(token.getString("token"));
    assertThat(server.get("/api/v1/groups/ber-fitness", token.getString("token")).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/groups/sh-coffee-lovers", token.getString("token")).statusCode()).isEqualTo(403);
    assertThat(listed(list, token.getString("id")).getValue("lastUsedAt")).as("not used when listed").isNull();
    JsonObject used = await().atMost(Duration.ofSeconds(10)).until(
        () -> listed(server.get("/api/v1/tokens", admin).body(), token.getString("id")), t -> t.getValue("lastUsedAt") != null);
    assertThat(Instant.parse(used.getString("lastUsedAt"))).isAfterOrEqualTo(Instant.parse(used.getString("createdAt")));

    assertThat(server.delete("/api/v1/tokens/" + token.getString("id"), admin).statusCode()).isEqualTo(204);
    assertThat(server.get("/api/v1/groups/ber-fitness", token.getString("token")).statusCode()).isEqualTo(401);
    assertThat(server.postJson("/api/v1/tokens", admin, "{\"role\": \"operator\", \"groups\": [\"a\"]}").statusCode())
        .isEqualTo(422);
    assertThat(server.postJson("/api/v1/tokens", admin, "{\"role\": \"root\"}").statusCode()).isEqualTo(422);
  }

  private static JsonObject listed(String list, String id) {
    return new JsonObject(list).getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("id").equals(id)).findFirst().orElseThrow();
  }

  @Test
  void theLastAdminToken_cannotBeRevoked() {
    JsonArray tokens = new JsonObject(server.get("/api/v1/tokens", admin).body()).getJsonArray("items");
    List<String> activeAdmins = tokens.stream().map(JsonObject.class::cast)
        .filter(t -> t.getString("role").equals("admin") && t.getString("revokedAt") == null)
        .map(t -> t.getString("id")).toList();
    assertThat(activeAdmins).hasSize(1);

    HttpResponse<String> refused = server.delete("/api/v1/tokens/" + activeAdmins.get(0), admin);

    assertThat(refused.statusCode()).isEqualTo(409);
  }

  @Test
  void tooManyRequests_get429WithRetryAfter_perToken() {
    String operator = server.createToken(admin, "operator");
    List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      burst.add(server.getAsync("/api/v1/rules", operator));
    }
    List<HttpResponse<String>> answers = burst.stream().map(CompletableFuture::join).toList();

    List<HttpResponse<String>> limited = answers.stream().filter(r -> r.statusCode() == 429).toList();
    assertThat(limited).isNotEmpty();
    assertThat(answers.stream().filter(r -> r.statusCode() == 200).count()).isGreaterThanOrEqualTo(200);
    assertThat(limited.get(0).headers().firstValue("Retry-After")).hasValueSatisfying(
        seconds -> assertThat(Long.parseLong(seconds)).isPositive());
    assertThat(new JsonObject(limited.get(0).body()).getJsonObject("error").getInteger("status")).isEqualTo(429);
    assertThat(server.get("/api/v1/rules", admin).statusCode()).as("other tokens are not limited").isEqualTo(200);
    assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void metrics_countRequestsByRouteTemplate_andShowDecisionsAndPending() {
    server.get("/api/v1/groups/sh-coffee-lovers/suggestion", admin);

    String metrics = server.get("/metrics", null).body();

    assertThat(metrics).contains("route=\"/api/v1/groups/{groupId}/suggestion\"")
        .doesNotContain("route=\"/api/v1/groups/sh-coffee-lovers/suggestion\"")
        .contains("recommender_decision_seconds_count")
        .contains("recommender_suggestions_pending")
        .contains("recommender_long_polls_waiting")
        .contains("process_files_open_files");
  }

  @Test
  void exampleClient_postsEachSuggestionOfItsGroups_andReportsThemPosted() throws Exception {
    copyGroup("hz-parenting", "client-1");
    copyGroup("ber-fitness", "client-2");
    String bot = server.createToken(admin, "bot", "client-1", "client-2");
    Path client = Path.of("..", "examples", "chat_tool_client.py").toAbsolutePath().normalize();

    Process process = new ProcessBuilder("python3", client.toString(), "--server", server.baseUrl(), "--token", bot,
        "--once").redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

    assertThat(process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("[client-1] ", "[client-2] ", "why: ");
    for (String group : List.of("client-1", "client-2")) {
      JsonObject stats = new JsonObject(server.get("/api/v1/stats?groupId=" + group, admin).body());
      assertThat(stats.getJsonArray("content").getJsonObject(0).getLong("posted")).as(group).isEqualTo(1);
    }
  }

  @Test
  void tokenCommand_createsATokenOverHttp_thatWorksAtOnce() {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();

    int exit = Main.run(new String[] {"token", "create", "--role", "bot", "--groups", "ber-fitness", "--name", "cli bot",
        "--server", server.baseUrl(), "--token", admin}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));

    assertThat(exit).as(err.toString()).isZero();
    String token = out.toString().strip();
    assertThat(token).startsWith("cr_");
    assertThat(err.toString()).contains("cli bot");
    assertThat(server.get("/api/v1/groups/ber-fitness", token).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/groups/hz-parenting", token).statusCode()).isEqualTo(403);
    assertThat(Main.run(new String[] {"token", "create", "--role", "bot", "--server", server.baseUrl(), "--token",
        "cr_wrong"}, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true))).isEqualTo(1);
    assertThat(err.toString()).contains("401");
  }

  static int waitingLongPolls() {
    for (String line : server.get("/metrics", null).body().split("\n")) {
      if (line.startsWith("recommender_long_polls_waiting ")) {
        return (int) Double.parseDouble(line.substring(line.indexOf(' ') + 1));
      }
    }
    throw new AssertionError("no recommender_long_polls_waiting in /metrics");
  }

  private static void copyGroup(String from, String to) {
    JsonObject portrait = new JsonObject(server.get("/api/v1/groups/" + from, admin).body()).getJsonObject("portrait");
    assertThat(server.put("/api/v1/groups/" + to, admin, portrait.encode()).statusCode()).isEqualTo(201);
  }

  private static String id(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getString("id");
  }

  private static JsonObject find(JsonArray items, String field, String value) {
    return items.stream().map(JsonObject.class::cast).filter(o -> value.equals(o.getString(field))).findFirst()
        .orElseThrow(() -> new AssertionError("no " + field + " " + value + " in " + items.encode()));
  }

  private static List<List<Object>> statuses(JsonObject batch) {
    List<List<Object>> statuses = new ArrayList<>();
    for (Object item : batch.getJsonArray("items")) {
      JsonObject json = (JsonObject) item;
      int status = json.getInteger("status");
      statuses.add(List.of(json.getString("groupId"), status == 200 || status == 204 ? "any" : status));
    }
    return statuses;
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Outcomes over HTTP: metrics within their window, rewards per segment, and what shadow mode records. */
class LearningApiTest {
  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;
  private static String operator;
  private static String editor;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
    operator = server.token(Role.OPERATOR);
    editor = server.token(Role.EDITOR);
  }

  /**
   * A new group of 50 members (no activity reported, so all 50 count as active) and its suggestion;
   * its interest is its id, so that its segment is its own.
   */
  private static JsonObject suggestionFor(String groupId) {
    assertThat(server.put("/api/v1/groups/" + groupId, admin, new JsonObject().put("name", groupId)
        .put("interests", new JsonArray().add(groupId)).put("region", "CN-SH-Shanghai").put("language", "zh")
        .put("memberCount", 50).encode()).statusCode()).isEqualTo(201);
    HttpResponse<String> poll = server.get("/api/v1/groups/" + groupId + "/suggestion?explain=true", operator);
    assertThat(poll.statusCode()).isEqualTo(200);
    return new JsonObject(poll.body());
  }

  private static HttpResponse<String> report(String suggestionId, JsonObject body) {
    return server.postJson("/api/v1/suggestions/" + suggestionId + "/feedback", operator, body.encode());
  }

  private static JsonObject segmentOf(String contentId, String interest, long posts) {
    JsonObject[] found = new JsonObject[1];
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
      HttpResponse<String> answer = server.get("/api/v1/content/" + contentId + "/performance", editor);
      assertThat(answer.statusCode()).isEqualTo(200);
      for (Object s : new JsonObject(answer.body()).getJsonArray("segments")) {
        JsonObject segment = (JsonObject) s;
        if (segment.getString("interest").equals(interest) && segment.getLong("posts") >= posts) {
          found[0] = segment;
          return true;
        }
      }
      return false;
    });
    return found[0];
  }

  @Test
  void metricsResent_asTheyGrow_countOnce_andEarnTheDocumentedReward() {
    JsonObject suggestion = suggestionFor("learn-resend");
    String id = suggestion.getString("id");
    String contentId = suggestion.getJsonObject("content").getString("id");
    JsonObject explanation = suggestion.getJsonObject("explanation");
    assertThat(explanation.getJsonObject("segment").getLong("activeMembers")).isEqualTo(50);

    JsonObject first = new JsonObject().put("outcome", "posted")
        .put("metrics", new JsonObject().put("reactions", 6).put("replies", 1));
    JsonObject grown = new JsonObject().put("outcome", "posted")
        .put("metrics", new JsonObject().put("reactions", 10).put("replies", 2).put("complaints", 1));
    assertThat(report(id, first).statusCode()).isEqualTo(200);
    assertThat(report(id, grown).statusCode()).isEqualTo(200);
    assertThat(report(id, grown).statusCode()).isEqualTo(200);
    HttpResponse<String> late = report(id, first);
    assertThat(late.statusCode()).isEqualTo(200);
    JsonObject metrics = new JsonObject(late.body()).getJsonObject("metrics");
    assertThat(metrics.getLong("reactions")).as("an older report never shrinks a count").isEqualTo(10);
    assertThat(metrics.getLong("complaints")).isEqualTo(1);

    String stage = explanation.getJsonObject("segment").getString("stage");
    JsonObject segment = segmentOf(contentId, "learn-resend", 1);
    assertThat(segment.getString("stage")).isEqualTo(stage);
    assertThat(segment.getLong("posts")).as("four reports of one post are one post").isEqualTo(1);
    // (10 reactions + 2·2 replies − 3·1 complaint) / 50 active members
    assertThat(segment.getDouble("reward")).isCloseTo(11.0 / 50, within(1e-9));
    assertThat(segment.getJsonObject("posterior").getString("basis")).isEqualTo("SEGMENT");
  }

  @Test
  void metricsAfterTheWindow_areRefused_andAPostWithoutThem_countsAsNoEngagement() {
    Instant longAgo = TestServer.now().minus(Duration.ofHours(49));
    JsonObject reported = suggestionFor("learn-late");
    String id = reported.getString("id");
    assertThat(report(id, new JsonObject().put("outcome", "posted").put("postedAt", longAgo.toString())
        .put("metrics", new JsonObject().put("reactions", 2))).statusCode()).isEqualTo(200);
    HttpResponse<String> tooLate = report(id, new JsonObject().put("outcome", "posted")
        .put("metrics", new JsonObject().put("reactions", 9)));
    assertThat(tooLate.statusCode()).isEqualTo(409);
    assertThat(new JsonObject(tooLate.body()).getJsonObject("error").getString("field")).isEqualTo("metrics");

    JsonObject silent = suggestionFor("learn-silent");
    String contentId = silent.getJsonObject("content").getString("id");
    assertThat(report(silent.getString("id"), new JsonObject().put("outcome", "posted")
        .put("postedAt", longAgo.toString())).statusCode()).isEqualTo(200);
    JsonObject segment = segmentOf(contentId, "learn-silent", 1);
    assertThat(segment.getLong("posts")).isEqualTo(1);
    assertThat(segment.getDouble("reward")).as("a post whose window closed silent counts, with no engagement")
        .isZero();
  }

  @Test
  void shadowMode_recordsLearningsChoice_beside_theRulesChoice() {
    JsonObject suggestion = suggestionFor("learn-shadow");
    JsonObject learning = suggestion.getJsonObject("explanation").getJsonObject("learning");
    assertThat(learning.getString("mode")).isEqualTo("SHADOW");
    assertThat(learning.getString("rulesChoice")).isEqualTo(suggestion.getJsonObject("content").getString("id"));
    assertThat(learning.getJsonArray("draws")).isNotEmpty();
    JsonObject draw = learning.getJsonArray("draws").getJsonObject(0);
    assertThat(draw.getJsonObject("posterior").getDouble("alpha")).isPositive();
    assertThat(draw.getInteger("bonus")).isBetween(0, 20);
    assertThat(suggestion.getJsonArray("reasons").stream().map(r -> ((JsonObject) r).getString("rule")))
        .as("in shadow mode learning gives no reason: it changed nothing")
        .doesNotContain("Learning: the item members of this segment engaged with most");

    HttpResponse<String> answer = server.get("/api/v1/learning/shadow", operator);
    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject report = new JsonObject(answer.body());
    assertThat(report.getLong("decisions")).isGreaterThanOrEqualTo(1);
    assertThat(report.getLong("agreed")).isBetween(0L, report.getLong("decisions"));
    assertThat(report.getJsonObject("rules").getDouble("expectedReward")).isBetween(0.0, 1.0);
  }

  @Test
  void badRequests_getA4xxNamingTheField() {
    HttpResponse<String> unknown = server.get("/api/v1/content/no-such-item/performance", editor);
    assertThat(unknown.statusCode()).isEqualTo(404);
    HttpResponse<String> badMode = server.get("/api/v1/learning/shadow?mode=maybe", operator);
    assertThat(badMode.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(badMode.body()).getJsonObject("error").getString("field")).isEqualTo("mode");
    HttpResponse<String> badSince = server.get("/api/v1/learning/shadow?since=yesterday", operator);
    assertThat(new JsonObject(badSince.body()).getJsonObject("error").getString("field")).isEqualTo("since");
    assertThat(server.get("/api/v1/learning/shadow", editor).statusCode()).isEqualTo(403);
    HttpResponse<String> badMetric = report("00000000-0000-0000-0000-000000000000", new JsonObject()
        .put("outcome", "posted").put("metrics", new JsonObject().put("leaves", -1)));
    assertThat(new JsonObject(badMetric.body()).getJsonObject("error").getString("field")).isEqualTo("metrics.leaves");
  }
}

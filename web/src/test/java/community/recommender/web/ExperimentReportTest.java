package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's experiment from start to report: the current playbook against a challenger and a 10%
 * holdout over the demo groups and generated ones, weeks of activity reported before and after the
 * start, and a report read three weeks later by a restarted server.
 */
class ExperimentReportTest {
  /** The challenger's true effect: messages per member per week above the champion's. */
  private static final double EFFECT = 2.0;

  @TempDir static Path temp;

  @Test
  void aReportThreeWeeksIn_findsTheChallengersEffect_andWarnsAboutTheSmallHoldoutAndSilentGroups() {
    Path data = temp.resolve("data");
    ServerConfig config = new ServerConfig(0, data, null, TestServer.copyOfRules(temp.resolve("rules")),
        TestServer.SAMPLES, true).with(TestServer.UNLIMITED);
    Instant start;
    String id;
    Map<String, Integer> members = new HashMap<>();
    Map<String, Double> rates = new HashMap<>();
    String operator;
    try (TestServer server = TestServer.start(config)) {
      String admin = TestServer.adminToken(data);
      operator = server.createToken(admin, "operator");
      for (int i = 0; i < 36; i++) {
        int size = 40 + (i * 37) % 300;
        members.put("pilot-" + i, size);
        JsonObject portrait = new JsonObject().put("name", "Pilot " + i).put("language", "zh")
            .put("interests", new JsonArray().add("coffee")).put("memberCount", size);
        assertThat(server.put("/api/v1/groups/pilot-" + i, operator, portrait.encode()).statusCode()).isIn(200, 201);
      }
      start = TestServer.now().truncatedTo(ChronoUnit.SECONDS);
      Random random = new Random(17);
      for (int i = 0; i < 36; i++) {
        String group = "pilot-" + i;
        rates.put(group, 3 + random.nextDouble() * 2);
        report(server, operator, group, start.minus(Duration.ofDays(28)), 4, members.get(group), rates.get(group),
            random);
      }
      long active = new JsonObject(server.get("/api/v1/rules/versions", operator).body()).getJsonArray("items")
          .getJsonObject(0).getLong("version");
      HttpResponse<String> created = server.postJson("/api/v1/experiments", operator, new JsonObject()
          .put("name", "Evening stories").put("population", new JsonObject())
          .put("arms", new JsonArray()
              .add(new JsonObject().put("name", "playbook").put("weight", 45).put("treatment", "active"))
              .add(new JsonObject().put("name", "stories").put("weight", 45).put("treatment", "version")
                  .put("version", active))
              .add(new JsonObject().put("name", "holdout").put("weight", 10).put("treatment", "holdout")))
          .put("endsAt", start.plus(Duration.ofDays(42)).toString()).encode());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      id = new JsonObject(created.body()).getString("id");
    }

    try (TestServer later = TestServer.startAhead(config, Duration.ofDays(21).plusHours(1))) {
      Map<String, String> arms = new HashMap<>();
      new JsonObject(later.get("/api/v1/experiments/" + id + "/groups", operator).body()).getJsonArray("items")
          .forEach(a -> arms.put(((JsonObject) a).getString("groupId"), ((JsonObject) a).getString("arm")));
      assertThat(arms).as("the 36 pilots and the 9 demo groups").hasSize(members.size() + 9);
      Random random = new Random(23);
      for (int i = 0; i < 36; i++) {
        // The demo groups' chat tools report nothing after the start; each pilot keeps its own rate, plus the effect.
        String group = "pilot-" + i;
        double lift = arms.get(group).equals("stories") ? EFFECT : 0;
        report(later, operator, group, start, 3, members.get(group), rates.get(group) + lift, random);
      }

      HttpResponse<String> answer = later.get("/api/v1/experiments/" + id + "/report", operator);
      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
      JsonObject report = new JsonObject(answer.body());
      JsonArray results = report.getJsonArray("arms");
      assertThat(results.getJsonObject(0).getString("arm")).isEqualTo("playbook");
      JsonObject stories = results.getJsonObject(1);
      assertThat(stories.getString("arm")).isEqualTo("stories");
      JsonObject against = stories.getJsonObject("againstControl");
      // Arms are dealt by a hash of the experiment's random id, so the estimate varies from run to run; with each
      // group's own rate kept and weekly noise of 0.3, its standard error is about 0.08, and these bounds hold at
      // over four standard errors (asserting that the 95% interval covers the effect would fail one run in twenty).
      assertThat(against.getDouble("difference")).as(against.encode()).isCloseTo(EFFECT, within(0.35));
      assertThat(against.getDouble("low")).as(against.encode()).isGreaterThan(EFFECT - 0.7)
          .isLessThan(against.getDouble("difference"));
      assertThat(against.getDouble("high")).as(against.encode()).isLessThan(EFFECT + 0.7)
          .isGreaterThan(against.getDouble("difference"));
      assertThat(results.getJsonObject(2).getInteger("groups")).isLessThan(6);
      assertThat(report.getValue("winner")).as("a holdout of under 6 groups allows no winner").isNull();
      assertThat(report.getJsonArray("warnings").encode())
          .contains("arm 'holdout' has", "still running", "9 assigned groups are left out");
      assertThat(report.getString("unit")).isEqualTo("interactions per member per week");
    }
  }

  /** {@code weeks} weekly windows from {@code from}, at {@code rate} messages per member per week, with noise. */
  private static void report(TestServer server, String token, String group, Instant from, int weeks, int members,
      double rate, Random random) {
    JsonArray windows = new JsonArray();
    for (int week = 0; week < weeks; week++) {
      long messages = Math.max(0, Math.round(members * (rate + random.nextGaussian() * 0.3)));
      windows.add(new JsonObject().put("from", from.plus(Duration.ofDays(7L * week)).toString())
          .put("to", from.plus(Duration.ofDays(7L * week + 7)).toString()).put("messages", messages)
          .put("activeMembers", members / 3));
    }
    HttpResponse<String> sent = server.post("/api/v1/groups/" + group + "/activity", token, "application/json",
        windows.encode());
    assertThat(sent.statusCode()).as(group + ": " + sent.body()).isEqualTo(200);
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Experiments over HTTP: a population dealt into arms, each group decided by its arm's rules, a
 * holdout that gets only service items, late joiners dealt on their first decision, and refusals
 * that name their field.
 */
class ExperimentsApiTest {
  private static final String CHALLENGER_RULE = "Challenger: rest every group for a day";
  private static final String CHALLENGER_DRL = """
      package playbook

      import community.recommender.engine.model.*

      rule "%s"
      ruleflow-group "needs"
      when
          $now : Now()
      then
          insert( new Hold($now.getInstant().plusSeconds(86400), "The challenger rests every group for a day") );
      end
      """.formatted(CHALLENGER_RULE);

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemoOnCopyOfRules();
  private static String operator;
  private static String editor;
  private static String bot;
  private static long challengerVersion;

  @BeforeAll
  static void start() {
    operator = server.token(Role.OPERATOR);
    editor = server.token(Role.EDITOR);
    bot = server.token(Role.BOT);
    HttpResponse<String> put = server.putText("/api/v1/rules/challenger.drl", operator, CHALLENGER_DRL);
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    challengerVersion = new JsonObject(put.body()).getLong("version");
    HttpResponse<String> back = server.delete("/api/v1/rules/challenger.drl", operator);
    assertThat(back.statusCode()).as(back.body()).isEqualTo(200);
  }

  @Test
  void eachArm_decidesItsGroupsByItsOwnTreatment_andTheArmsStick() {
    createGroups("arms", 18);
    JsonObject created = create(experiment("Rest days", "arms")
        .put("arms", threeArms()));
    assertThat(created.getString("status")).isEqualTo("running");
    String id = created.getString("id");
    for (Object arm : created.getJsonArray("arms")) {
      assertThat(((JsonObject) arm).getInteger("groups")).as(arm.toString()).isEqualTo(6);
    }
    Map<String, String> arms = armsOf(id);
    assertThat(arms).hasSize(18);

    for (Map.Entry<String, String> entry : arms.entrySet()) {
      String group = entry.getKey();
      JsonObject explained = new JsonObject(
          server.get("/api/v1/groups/" + group + "/suggestion?explain=true", operator).body());
      JsonArray reasons = explained.getJsonArray("reasons");
      assertThat(reasons.getJsonObject(0).getString("rule")).isEqualTo("Experiment: Rest days");
      assertThat(reasons.getJsonObject(0).getString("message")).contains("arm '" + entry.getValue() + "'", id);
      boolean rested = reasons.stream().anyMatch(r -> ((JsonObject) r).getString("rule").equals(CHALLENGER_RULE));
      assertThat(rested).as(group + " in " + entry.getValue()).isEqualTo(entry.getValue().equals("challenger"));

      HttpResponse<String> polled = server.get("/api/v1/groups/" + group + "/suggestion", bot);
      assertThat(polled.headers().firstValue("X-Experiment")).hasValue(id + "; arm=" + entry.getValue());
      switch (entry.getValue()) {
        case "challenger" -> assertThat(polled.statusCode()).isEqualTo(204);
        case "holdout" -> {
          if (polled.statusCode() == 200) {
            assertThat(new JsonObject(polled.body()).getJsonObject("content").getJsonArray("tags").getList())
                .as("a held-out group gets service items only").contains("service");
          } else {
            assertThat(polled.statusCode()).isEqualTo(204);
            assertThat(polled.headers().firstValue("Retry-After")).isPresent();
          }
        }
        default -> assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
      }
    }
    assertThat(armsOf(id)).as("arms are dealt once").isEqualTo(arms);
  }

  @Test
  void aHeldOutGroup_getsServiceItemsOnly_evenWhenTheRulesWouldSellOrEngage() {
    createGroups("holdout", 4);
    // An operator's look leaves each group a pending suggestion decided outside any experiment.
    long pendingOther = 0;
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> look = server.get("/api/v1/groups/holdout-" + i + "/suggestion", operator);
      assertThat(look.statusCode()).as(look.body()).isEqualTo(200);
      pendingOther += new JsonObject(look.body()).getJsonObject("content").getJsonArray("tags").contains("service") ? 0 : 1;
    }
    assertThat(pendingOther).as("the rules would send these groups more than service items").isPositive();
    JsonObject created = create(experiment("All held out", "holdout").put("arms", new JsonArray()
        .add(new JsonObject().put("name", "out").put("weight", 1).put("treatment", "holdout"))
        .add(new JsonObject().put("name", "out-too").put("weight", 1).put("treatment", "holdout"))));

    for (String group : armsOf(created.getString("id")).keySet()) {
      for (int poll = 0; poll < 3; poll++) {
        HttpResponse<String> polled = server.get("/api/v1/groups/" + group + "/suggestion", bot);
        if (polled.statusCode() == 200) {
          assertThat(new JsonObject(polled.body()).getJsonObject("content").getJsonArray("tags").getList())
              .contains("service");
        } else {
          assertThat(polled.statusCode()).isEqualTo(204);
        }
      }
    }
  }

  @Test
  void aGroupThatJoinsThePopulationLater_isDealtOnItsFirstDecision() {
    createGroups("late", 6);
    String id = create(experiment("Late joiners", "late").put("arms", threeArms())).getString("id");
    assertThat(armsOf(id)).hasSize(6);

    createGroup("late-newcomer", "late", 120);
    HttpResponse<String> polled = server.get("/api/v1/groups/late-newcomer/suggestion", bot);

    Map<String, String> arms = armsOf(id);
    assertThat(arms).hasSize(7).containsKey("late-newcomer");
    assertThat(polled.headers().firstValue("X-Experiment")).hasValue(id + "; arm=" + arms.get("late-newcomer"));
  }

  @Test
  void aGroup_isInAtMostOneRunningExperiment_andAStoppedOneLetsItGo() {
    createGroups("once", 4);
    JsonObject first = create(experiment("First", "once").put("arms", threeArms()));
    JsonObject second = create(experiment("Second", "once").put("arms", threeArms()));
    assertThat(second.getInteger("skipped")).isEqualTo(4);
    assertThat(armsOf(second.getString("id"))).isEmpty();

    HttpResponse<String> stopped = server.post("/api/v1/experiments/" + first.getString("id") + "/stop", operator,
        "application/json", "");
    assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);
    assertThat(new JsonObject(stopped.body()).getString("status")).isEqualTo("stopped");
    HttpResponse<String> polled = server.get("/api/v1/groups/once-0/suggestion", bot);
    assertThat(polled.headers().firstValue("X-Experiment"))
        .as("after the first stops, the second may deal the group").hasValue(second.getString("id") + "; arm="
            + armsOf(second.getString("id")).get("once-0"));
  }

  @Test
  void aRewardExperiment_comparesEachGroupsMeanRewardPerPost_beforeAndSinceTheStart() {
    for (int i = 0; i < 2; i++) {
      JsonObject portrait = new JsonObject().put("name", "reward-" + i).put("language", "zh")
          .put("region", "CN-SH-Shanghai").put("interests", new JsonArray().add("coffee")).put("memberCount", 120)
          .put("labels", new JsonArray().add("reward"))
          .put("attributes", new JsonObject().put("minGapMinutes", "0").put("maxSendsPerDay", "100")
              .put("rateLimitMessages", "100"));
      assertThat(server.put("/api/v1/groups/reward-" + i, operator, portrait.encode()).statusCode()).isIn(200, 201);
      // Before the start: a post so engaging that its reward is the most there is, 1.
      post("reward-" + i, new JsonObject().put("outcome", "posted")
          .put("postedAt", TestServer.now().minusSeconds(600).toString())
          .put("metrics", new JsonObject().put("reactions", 100_000)));
    }
    JsonObject created = create(experiment("Rewards", "reward").put("metric", "reward").put("arms", new JsonArray()
        .add(arm("champion", "active")).add(arm("also-active", "active"))));
    for (int i = 0; i < 2; i++) {
      // Since the start: a post nobody reacted to, reward 0.
      post("reward-" + i, new JsonObject().put("outcome", "posted"));
    }

    HttpResponse<String> answer = server.get("/api/v1/experiments/" + created.getString("id") + "/report", operator);

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    JsonObject report = new JsonObject(answer.body());
    assertThat(report.getString("unit")).isEqualTo("mean reward per post");
    for (Object value : report.getJsonArray("arms")) {
      JsonObject arm = (JsonObject) value;
      assertThat(arm.getInteger("groups")).as(arm.encode()).isEqualTo(1);
      assertThat(arm.getDouble("meanBaseline")).isEqualTo(1.0);
      assertThat(arm.getDouble("meanDuring")).isEqualTo(0.0);
    }
  }

  /** A bot takes the group's next suggestion and reports {@code feedback} on it. */
  private static void post(String group, JsonObject feedback) {
    HttpResponse<String> polled = server.get("/api/v1/groups/" + group + "/suggestion", bot);
    assertThat(polled.statusCode()).as(polled.body()).isEqualTo(200);
    String id = new JsonObject(polled.body()).getString("id");
    HttpResponse<String> reported = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot, feedback.encode());
    assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
  }

  @Test
  void refusals_nameTheirField_andOnlyOperatorsMayRunExperiments() {
    record Case(JsonObject body, String field) {}
    List<Case> cases = List.of(
        new Case(experiment("x", "none").put("arms", new JsonArray().add(arm("a", "active"))), "arms"),
        new Case(experiment("x", "none").put("arms", new JsonArray().add(arm("a", "active"))
            .add(arm("b", "version").put("version", 9999))), "arms[1].version"),
        new Case(experiment("x", "none").put("arms", new JsonArray().add(arm("a", "active"))
            .add(arm("a", "holdout"))), "arms[1].name"),
        new Case(experiment("x", "none").put("arms", threeArms()).put("endsAt", "2001-01-01T00:00:00Z"), "endsAt"),
        new Case(experiment("x", "none").put("arms", threeArms()).put("metric", "happiness"), "metric"),
        new Case(experiment("x", "none").put("arms", threeArms()).put("control", "nobody"), "control"),
        new Case(experiment("x", "none").put("arms", threeArms())
            .put("population", new JsonObject().put("mood", "happy")), "population.mood"),
        new Case(experiment("x", "none").put("arms", new JsonArray().add(arm("a", "active"))
            .add(arm("b", "holdout").put("weight", 0))), "arms[1].weight"));
    for (Case c : cases) {
      HttpResponse<String> refused = server.postJson("/api/v1/experiments", operator, c.body().encode());
      assertThat(refused.statusCode()).as(c.body().encode() + " -> " + refused.body()).isEqualTo(422);
      assertThat(new JsonObject(refused.body()).getJsonObject("error").getString("field")).isEqualTo(c.field());
    }
    String valid = experiment("x", "none").put("arms", threeArms()).encode();
    assertThat(server.postJson("/api/v1/experiments", editor, valid).statusCode()).isEqualTo(403);
    assertThat(server.postJson("/api/v1/experiments", bot, valid).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/experiments", editor).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/experiments/no-such-experiment", operator).statusCode()).isEqualTo(404);
  }

  private static JsonArray threeArms() {
    return new JsonArray()
        .add(arm("champion", "active"))
        .add(arm("challenger", "version").put("version", challengerVersion))
        .add(arm("holdout", "holdout"));
  }

  private static JsonObject arm(String name, String treatment) {
    return new JsonObject().put("name", name).put("weight", 1).put("treatment", treatment);
  }

  private static JsonObject experiment(String name, String label) {
    return new JsonObject().put("name", name)
        .put("population", new JsonObject().put("labels", new JsonArray().add(label)))
        .put("endsAt", TestServer.now().plus(Duration.ofDays(28)).toString());
  }

  private static JsonObject create(JsonObject body) {
    HttpResponse<String> created = server.postJson("/api/v1/experiments", operator, body.encode());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return new JsonObject(created.body());
  }

  private static Map<String, String> armsOf(String experimentId) {
    HttpResponse<String> groups = server.get("/api/v1/experiments/" + experimentId + "/groups", operator);
    assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
    Map<String, String> arms = new HashMap<>();
    new JsonObject(groups.body()).getJsonArray("items")
        .forEach(item -> arms.put(((JsonObject) item).getString("groupId"), ((JsonObject) item).getString("arm")));
    return arms;
  }

  private static void createGroups(String label, int count) {
    for (int i = 0; i < count; i++) {
      // Three size bands of equal count, so every stratum splits evenly over three arms.
      createGroup(label + "-" + i, label, i % 3 == 0 ? 30 : i % 3 == 1 ? 120 : 400);
    }
  }

  static void createGroup(String id, String label, int members) {
    JsonObject portrait = new JsonObject().put("name", id).put("language", "zh").put("region", "CN-SH-Shanghai")
        .put("interests", new JsonArray().add("coffee")).put("memberCount", members)
        .put("labels", new JsonArray().add(label));
    HttpResponse<String> put = server.put("/api/v1/groups/" + id, operator, portrait.encode());
    assertThat(put.statusCode()).as(put.body()).isIn(200, 201);
  }
}

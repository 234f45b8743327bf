package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The real server, embedded PostgreSQL and demo data, exercised over HTTP as a new user would. */
class ServerEndToEndTest {
  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;
  private static Set<String> playbookRules;

  @BeforeAll
  static void start() throws Exception {
    admin = server.admin();
    playbookRules = new HashSet<>(new RuleBook().compile(new RuleFolder(TestServer.RULES).read()).ruleNames());
  }

  @Test
  void health_answersWithoutAToken() {
    HttpResponse<String> health = server.get("/health", null);

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(health.body()).getString("status")).isEqualTo("ok");
  }

  @Test
  void firstStart_printsTheAdminTokenOnce_andSavesItOwnerOnly() throws Exception {
    assertThat(server.output()).contains(admin);
    assertThat(server.output().split(admin, -1)).hasSize(2);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(server.dataDir().resolve("admin.token"))))
        .isEqualTo("rw-------");
  }

  @Test
  void missingOrUnknownToken_gets401() {
    assertThat(server.get("/api/v1/groups", null).statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/groups", "cr_not-a-real-token").statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/groups/sh-coffee-lovers/suggestion", "cr_not-a-real-token").statusCode())
        .isEqualTo(401);
  }

  @Test
  void everyDemoGroup_getsASuggestionWhoseReasonsNameRealRules() {
    JsonArray groups = new JsonObject(server.get("/api/v1/groups", admin).body()).getJsonArray("items");
    assertThat(groups.size()).isGreaterThanOrEqualTo(5);

    Set<String> kinds = new HashSet<>();
    for (int i = 0; i < groups.size(); i++) {
      String id = groups.getJsonObject(i).getString("id");
      HttpResponse<String> response = server.get("/api/v1/groups/" + id + "/suggestion", admin);

      assertThat(response.statusCode()).as(id).isEqualTo(200);
      JsonObject suggestion = new JsonObject(response.body());
      assertThat(suggestion.getString("groupId")).isEqualTo(id);
      assertThat(suggestion.getJsonObject("content").getString("title")).isNotBlank();
      assertThat(suggestion.getJsonObject("content").getString("body")).isNotBlank();
      assertThat(suggestion.getLong("ruleSetVersion")).isPositive();
      assertThat(suggestion.getString("createdAt")).isNotBlank();
      JsonArray reasons = suggestion.getJsonArray("reasons");
      assertThat(reasons).isNotEmpty();
      for (int r = 0; r < reasons.size(); r++) {
        assertThat(playbookRules).contains(reasons.getJsonObject(r).getString("rule"));
        assertThat(reasons.getJsonObject(r).getString("message")).isNotBlank();
      }
      kinds.add(suggestion.getString("kind"));
    }
    assertThat(kinds).as("demo groups differ enough to get different kinds").hasSizeGreaterThan(1);
  }

  @Test
  void quietDemoGroup_isNotSoldTo_andItsSuggestionIsReusedWhilePending() {
    JsonObject first = new JsonObject(server.get("/api/v1/groups/bj-flowers-home/suggestion", admin).body());
    JsonObject again = new JsonObject(server.get("/api/v1/groups/bj-flowers-home/suggestion", admin).body());

    assertThat(first.getString("kind")).isNotEqualTo("OFFER");
    assertThat(again.getString("id")).isEqualTo(first.getString("id"));
  }

  @Test
  void putGroup_createsThenReplacesThePortrait() {
    String portrait = """
        {"name": "Shenzhen Tea Friends", "platform": "wecom", "type": "interest", "interests": ["tea"],
         "region": "CN-GD-Shenzhen", "language": "zh", "timezone": "Asia/Shanghai", "quietHours": "22:00-08:00",
         "memberCount": 80, "kocCount": 2, "labels": ["pilot"], "attributes": {"store": "sz-01"}}""";

    HttpResponse<String> created = server.put("/api/v1/groups/sz-tea", admin, portrait);
    HttpResponse<String> replaced = server.put("/api/v1/groups/sz-tea", admin, portrait.replace("80", "95"));
    JsonObject read = new JsonObject(server.get("/api/v1/groups/sz-tea", admin).body());

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(read.getJsonObject("portrait").getInteger("memberCount")).isEqualTo(95);
    assertThat(read.getJsonObject("portrait").getJsonObject("attributes").getString("store")).isEqualTo("sz-01");
    assertThat(read.getJsonObject("activity").getString("band")).isEqualTo("DORMANT");
    assertThat(read.getString("stage")).isEqualTo("DORMANT");
  }

  @Test
  void badPortraits_areRefusedWithTheFieldNamed_andChangeNothing() {
    record Case(String body, int status, String field) {}
    List<Case> cases = List.of(
        new Case("{not json", 400, null),
        new Case("{\"platform\": \"wecom\"}", 422, "name"),
        new Case("{\"name\": \"x\", \"platform\": \"myspace\"}", 422, "platform"),
        new Case("{\"name\": \"x\", \"timezone\": \"Mars/Olympus\"}", 422, "timezone"),
        new Case("{\"name\": \"x\", \"memberCount\": -3}", 422, "memberCount"),
        new Case("{\"name\": \"x\", \"quietHours\": \"late\"}", 422, "quietHours"));

    for (Case c : cases) {
      HttpResponse<String> response = server.put("/api/v1/groups/never-created", admin, c.body());
      assertThat(response.statusCode()).as(c.body()).isEqualTo(c.status());
      JsonObject error = new JsonObject(response.body()).getJsonObject("error");
      assertThat(error.getString("message")).isNotBlank();
      assertThat(error.getString("field")).as(c.body()).isEqualTo(c.field());
    }
    assertThat(server.get("/api/v1/groups/never-created", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void concurrentPollsForOneGroup_allGetTheOneSuggestionThatWasStored() {
    assertThat(server.put("/api/v1/groups/racing", admin, "{\"name\": \"Racing\", \"language\": \"en\"}")
        .statusCode()).isEqualTo(201);

    List<String> ids = java.util.stream.IntStream.range(0, 12).parallel()
        .mapToObj(i -> server.get("/api/v1/groups/racing/suggestion", admin))
        .peek(response -> assertThat(response.statusCode()).isEqualTo(200))
        .map(response -> new JsonObject(response.body()).getString("id"))
        .toList();

    assertThat(ids).hasSize(12).containsOnly(ids.get(0));
  }

  @Test
  void explain_listsTheNeeds_theDroppedCandidatesAndTheRulesThatFired() {
    JsonObject suggestion = new JsonObject(
        server.get("/api/v1/groups/ldn-tea-baking/suggestion?explain=true", admin).body());

    JsonObject explanation = suggestion.getJsonObject("explanation");
    JsonArray needs = explanation.getJsonArray("needs");
    JsonArray dropped = explanation.getJsonArray("dropped");
    assertThat(needs).isNotEmpty();
    assertThat(needs.getJsonObject(0).getString("rule")).isIn(playbookRules);
    assertThat(dropped).isNotEmpty();
    for (int i = 0; i < dropped.size(); i++) {
      JsonObject candidate = dropped.getJsonObject(i);
      assertThat(candidate.getJsonObject("content").getString("id")).isNotBlank();
      assertThat(candidate.getJsonArray("vetoes").getJsonObject(0).getString("rule")).isIn(playbookRules);
    }
    assertThat(explanation.getJsonArray("firedRules").getList())
        .containsAll(suggestion.getJsonArray("reasons").stream().map(r -> ((JsonObject) r).getString("rule")).toList());
  }

  @Test
  void unknownGroupAndUnknownRoute_get404AsJson() {
    HttpResponse<String> group = server.get("/api/v1/groups/no-such-group/suggestion", admin);
    HttpResponse<String> route = server.get("/api/v1/nothing-here", admin);

    assertThat(group.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(group.body()).getJsonObject("error").getString("message")).contains("no-such-group");
    assertThat(route.statusCode()).isEqualTo(404);
    assertThat(new JsonObject(route.body()).getJsonObject("error").getInteger("status")).isEqualTo(404);
  }
}

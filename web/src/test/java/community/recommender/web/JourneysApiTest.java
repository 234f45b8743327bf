package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Journeys over HTTP: one group's simulated month, a report over many, and what bad input gets. */
class JourneysApiTest {
  private static final String COFFEE = "sh-coffee-lovers";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String operator;
  private static String editor;

  @BeforeAll
  static void tokens() {
    operator = server.token(Role.OPERATOR);
    editor = server.token(Role.EDITOR);
  }

  @Test
  void aGroupsJourney_coversThirtyDaysInOrder_andStoresNothing() {
    String before = withoutAssessmentTime(server.get("/api/v1/groups/" + COFFEE, operator).body());

    HttpResponse<String> response = server.postJson("/api/v1/groups/" + COFFEE + "/journey", operator, "{}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject journey = new JsonObject(response.body());
    assertThat(journey.getString("groupId")).isEqualTo(COFFEE);
    assertThat(journey.getInteger("days")).isEqualTo(30);
    assertThat(journey.getString("ruleSet")).isEqualTo("active");
    assertThat(journey.getInteger("sent")).isPositive();
    assertThat(journey.getJsonArray("stalls").size()).isEqualTo(journey.getInteger("stallCount"));
    assertThat(journey.getJsonArray("steps").size())
        .isEqualTo(journey.getInteger("sent") + journey.getInteger("holds") + journey.getInteger("stallCount"));
    JsonArray steps = journey.getJsonArray("steps");
    List<Integer> days = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      JsonObject step = steps.getJsonObject(i);
      days.add(step.getInteger("day"));
      if (step.getString("outcome").equals("SENT")) {
        assertThat(step.getString("kind")).isNotBlank();
        assertThat(step.getJsonObject("content").getString("id")).isNotBlank();
        assertThat(step.getJsonArray("reasons")).isNotEmpty();
      } else {
        assertThat(step.getString("until")).isNotBlank();
      }
    }
    assertThat(days).isSorted();
    assertThat(days.get(0)).isEqualTo(1);
    // The journey reaches its end: a decision in the last days, or a hold (say, the monthly quota used up) that
    // lasts past the end.
    JsonObject last = steps.getJsonObject(steps.size() - 1);
    assertThat(days.get(days.size() - 1)).isLessThanOrEqualTo(30);
    if (days.get(days.size() - 1) < 28) {
      assertThat(last.getString("outcome")).as(last.encode()).isEqualTo("HELD");
      assertThat(Instant.parse(last.getString("until"))).as(last.encode())
          .isAfterOrEqualTo(Instant.parse(journey.getString("until")));
    }
    assertThat(journey.getBoolean("truncated")).isFalse();
    int kinds = journey.getJsonObject("kinds").stream().mapToInt(e -> ((Number) e.getValue()).intValue()).sum();
    assertThat(kinds).isEqualTo(journey.getInteger("sent"));
    assertThat(withoutAssessmentTime(server.get("/api/v1/groups/" + COFFEE, operator).body())).isEqualTo(before);
  }

  @Test
  void aJourney_underAProposedRuleSet_runsTheProposal() {
    JsonObject body = new JsonObject().put("days", 7)
        .put("files", new JsonObject().put("candidates-variety.drl", (String) null));

    HttpResponse<String> response = server.postJson("/api/v1/groups/" + COFFEE + "/journey", operator, body.encode());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject journey = new JsonObject(response.body());
    assertThat(journey.getString("ruleSet")).isEqualTo("proposed");
    assertThat(journey.getInteger("days")).isEqualTo(7);
    assertThat(journey.getString("until")).isEqualTo(
        java.time.Instant.parse(journey.getString("from")).plus(java.time.Duration.ofDays(7)).toString());
  }

  @Test
  void aProposalThatDoesNotCompile_is422_withFileAndLine() {
    JsonObject body = new JsonObject().put("files", new JsonObject().put("broken.drl", "package playbook.x\nrule \"x\" when then"));

    HttpResponse<String> response = server.postJson("/api/v1/groups/" + COFFEE + "/journey", operator, body.encode());

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0).getString("file"))
        .isEqualTo("broken.drl");
  }

  @Test
  void badJourneyRequests_areRefusedNamingTheField() {
    String path = "/api/v1/groups/" + COFFEE + "/journey";
    assertField(server.postJson(path, operator, "{\"days\": 0}"), 422, "days");
    assertField(server.postJson(path, operator, "{\"days\": 91}"), 422, "days");
    assertField(server.postJson(path, operator, "{\"days\": \"thirty\"}"), 422, "days");
    assertField(server.postJson(path, operator, "{\"dayz\": 3}"), 422, "dayz");
    assertField(server.postJson(path, operator, "{\"files\": \"x\"}"), 422, "files");
    assertField(server.postJson(path, operator, "{\"files\": {\"../evil.drl\": \"x\"}}"), 422, "files.../evil.drl");
    assertThat(server.postJson(path, operator, "{days").statusCode()).isEqualTo(400);
    assertThat(server.postJson("/api/v1/groups/no-such-group/journey", operator, "{}").statusCode()).isEqualTo(404);
    assertThat(server.postJson(path, editor, "{}").statusCode()).isEqualTo(403);
  }

  @Test
  void theHealthReport_overEveryDemoGroup_addsUp() {
    HttpResponse<String> response = server.postJson("/api/v1/journeys", operator, "{\"days\": 30}");

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject report = new JsonObject(response.body());
    JsonArray groups = report.getJsonArray("groups");
    assertThat(report.getInteger("groupCount")).isEqualTo(groups.size()).isGreaterThanOrEqualTo(7);
    int offers = 0;
    int stalls = 0;
    List<String> stalled = new ArrayList<>();
    for (int i = 0; i < groups.size(); i++) {
      JsonObject group = groups.getJsonObject(i);
      assertThat(group.getInteger("sent")).as(group.getString("groupId")).isPositive();
      offers += group.getInteger("offers");
      stalls += group.getInteger("stalls");
      if (group.getInteger("stalls") > 0) {
        stalled.add(group.getString("groupId"));
      }
    }
    assertThat(report.getInteger("stalls")).isEqualTo(stalls);
    assertThat(report.getJsonArray("stalledGroups").getList()).isEqualTo(stalled);
    assertThat(report.getJsonObject("kinds").getInteger("OFFER")).isEqualTo(offers);
    assertThat(report.getDouble("offersPerGroupMonth")).isCloseTo(offers / (double) groups.size(),
        org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void theHealthReport_takesTheGroupListsFilters_orIds() {
    JsonObject byRegion = new JsonObject(server.postJson("/api/v1/journeys", operator,
        "{\"days\": 3, \"filter\": {\"region\": \"CN-SH\"}}").body());
    assertThat(byRegion.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("groupId")))
        .containsExactly(COFFEE);

    JsonObject byIds = new JsonObject(server.postJson("/api/v1/journeys", operator,
        "{\"days\": 3, \"ids\": [\"gz-car-club\", \"bj-flowers-home\"]}").body());
    assertThat(byIds.getJsonArray("groups").stream().map(g -> ((JsonObject) g).getString("groupId")))
        .containsExactlyInAnyOrder("gz-car-club", "bj-flowers-home");
  }

  @Test
  void reportOverEveryGroup_comesInPages_thatCoverEachGroupOnce() {
    JsonObject listed = new JsonObject(server.get("/api/v1/groups?pageSize=200", operator).body());
    List<String> every = listed.getJsonArray("items").stream().map(g -> ((JsonObject) g).getString("id")).toList();
    assertThat(every).hasSizeGreaterThan(4);

    List<String> reported = new ArrayList<>();
    Integer page = 1;
    int pages = 0;
    while (page != null) {
      HttpResponse<String> response = server.postJson("/api/v1/journeys", operator,
          new JsonObject().put("days", 1).put("page", page).put("pageSize", 4).encode());
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      JsonObject report = new JsonObject(response.body());
      assertThat(report.getInteger("page")).isEqualTo(page);
      assertThat(report.getLong("total")).isEqualTo(every.size());
      assertThat(report.getJsonArray("groups").size()).isBetween(1, 4).isEqualTo(report.getInteger("groupCount"));
      report.getJsonArray("groups").forEach(g -> reported.add(((JsonObject) g).getString("groupId")));
      page = report.getInteger("next");
      pages++;
    }

    assertThat(pages).isEqualTo((every.size() + 3) / 4);
    assertThat(reported).containsExactlyInAnyOrderElementsOf(every);
  }

  @Test
  void badReportRequests_areRefusedNamingTheField() {
    assertField(server.postJson("/api/v1/journeys", operator, "{\"pageSize\": 51}"), 422, "pageSize");
    assertField(server.postJson("/api/v1/journeys", operator, "{\"page\": 0}"), 422, "page");
    assertField(server.postJson("/api/v1/journeys", operator, "{\"ids\": [\"gz-car-club\"], \"page\": 2}"), 422,
        "page");
    assertField(server.postJson("/api/v1/journeys", operator, "{\"filter\": {\"band\": \"LOUD\"}}"), 422, "filter.band");
    assertField(server.postJson("/api/v1/journeys", operator, "{\"filter\": {\"colour\": \"red\"}}"), 422,
        "filter.colour");
    assertField(server.postJson("/api/v1/journeys", operator, "{\"ids\": [\"a\"], \"filter\": {}}"), 422, "ids");
    JsonArray tooMany = new JsonArray();
    for (int i = 0; i < 51; i++) {
      tooMany.add("group-" + i);
    }
    HttpResponse<String> wide = server.postJson("/api/v1/journeys", operator,
        new JsonObject().put("ids", tooMany).encode());
    assertField(wide, 422, "ids");
    assertThat(wide.body()).contains("51 groups").contains("at most 50").contains("pageSize");
    assertThat(server.postJson("/api/v1/journeys", operator, "{\"ids\": [\"no-such-group\"]}").statusCode())
        .isEqualTo(404);
  }

  private static void assertField(HttpResponse<String> response, int status, String field) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(new JsonObject(response.body()).getJsonObject("error").getString("field")).isEqualTo(field);
  }

  /** The group view, but for fields that move with the clock. */
  private static String withoutAssessmentTime(String body) {
    JsonObject json = new JsonObject(body);
    json.remove("ageDays");
    return json.encode();
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One change to many groups in one request, listed by id or chosen by a filter, with each group's result. */
class GroupBulkApiTest {
  private static final String BULK = "/api/v1/groups/bulk";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.onOwnDatabase();
  private static String operator;

  @BeforeAll
  static void tokens() {
    operator = server.token(Role.OPERATOR);
  }

  @Test
  void addingALabelToListedGroups_reportsEachGroup_andKeepsTheRestOfThePortrait() {
    group("bl-north", "YB-N", "pilot");
    group("bl-south", "YB-S");

    JsonObject report = bulk(200, new JsonObject().put("ids", new JsonArray(List.of("bl-north", "bl-south", "bl-gone")))
        .put("action", "addLabel").put("label", "pilot"));

    assertThat(results(report)).containsExactly(Map.entry("bl-north", "unchanged"), Map.entry("bl-south", "labelled"),
        Map.entry("bl-gone", "notFound"));
    assertThat(report.getInteger("matched")).isEqualTo(3);
    assertThat(report.getInteger("changed")).isEqualTo(1);
    JsonObject south = new JsonObject(server.get("/api/v1/groups/bl-south", operator).body()).getJsonObject("portrait");
    assertThat(south.getJsonArray("labels")).containsExactly("pilot");
    assertThat(south.getString("region")).isEqualTo("YB-S");
    assertThat(south.getString("name")).isEqualTo("Group bl-south");
  }

  @Test
  void aFilter_selectsTheGroupsAsTheListWould_forRemovingALabelAndArchiving() {
    group("fx-one", "YF-SH-One", "east", "autumn");
    group("fx-two", "YF-SH-Two", "east");
    group("fx-three", "YF-BJ", "east");

    JsonObject removed = bulk(200, new JsonObject().put("filter", new JsonObject().put("region", "YF-SH"))
        .put("action", "removeLabel").put("label", "east"));
    JsonObject archived = bulk(200, new JsonObject().put("filter", new JsonObject().put("label", "east"))
        .put("action", "archive"));

    assertThat(results(removed)).containsExactly(Map.entry("fx-one", "unlabelled"), Map.entry("fx-two", "unlabelled"));
    assertThat(results(archived)).containsExactly(Map.entry("fx-three", "archived"));
    assertThat(server.get("/api/v1/groups/fx-three", operator).statusCode()).isEqualTo(404);
    assertThat(new JsonObject(server.get("/api/v1/groups/fx-one", operator).body()).getJsonObject("portrait")
        .getJsonArray("labels")).containsExactly("autumn");
  }

  @Test
  void badRequests_get422NamingTheField_andChangeNothing() {
    group("bad-one", "YX");
    List<Map.Entry<String, JsonObject>> bad = new ArrayList<>();
    bad.add(request("action", new JsonObject().put("ids", new JsonArray(List.of("bad-one")))));
    bad.add(request("action", new JsonObject().put("ids", new JsonArray(List.of("bad-one"))).put("action", "delete")));
    bad.add(request("label", new JsonObject().put("ids", new JsonArray(List.of("bad-one"))).put("action", "addLabel")));
    bad.add(request("ids", new JsonObject().put("action", "archive")));
    bad.add(request("filter", new JsonObject().put("ids", new JsonArray(List.of("bad-one"))).put("filter", new JsonObject())
        .put("action", "archive")));
    bad.add(request("ids[1]", new JsonObject().put("ids", new JsonArray(List.of("bad-one", "no spaces"))).put("action", "archive")));
    bad.add(request("filter.band", new JsonObject().put("filter", new JsonObject().put("band", "WARM")).put("action", "archive")));
    bad.add(request("filter.colour", new JsonObject().put("filter", new JsonObject().put("colour", "red")).put("action", "archive")));
    bad.add(request("groups", new JsonObject().put("groups", new JsonArray()).put("action", "archive")));
    for (Map.Entry<String, JsonObject> request : bad) {
      JsonObject error = bulk(422, request.getValue()).getJsonObject("error");
      assertThat(error.getString("field")).as(request.getValue().encode()).isEqualTo(request.getKey());
    }
    assertThat(server.get("/api/v1/groups/bad-one", operator).statusCode()).isEqualTo(200);
    assertThat(server.postJson(BULK, server.token(Role.BOT), "{\"action\": \"archive\"}").statusCode())
        .isEqualTo(403);
    assertThat(server.postJson(BULK, operator, "not json").statusCode()).isEqualTo(400);
  }

  private static Map.Entry<String, JsonObject> request(String field, JsonObject body) {
    return Map.entry(field, body);
  }

  private static void group(String id, String region, String... labels) {
    JsonObject portrait = new JsonObject().put("name", "Group " + id).put("region", region)
        .put("labels", new JsonArray(List.of(labels)));
    assertThat(server.put("/api/v1/groups/" + id, operator, portrait.encode()).statusCode()).isEqualTo(201);
  }

  private static JsonObject bulk(int status, JsonObject request) {
    HttpResponse<String> response = server.postJson(BULK, operator, request.encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    return new JsonObject(response.body());
  }

  private static List<Map.Entry<String, String>> results(JsonObject report) {
    return report.getJsonArray("results").stream().map(r -> (JsonObject) r)
        .map(r -> Map.entry(r.getString("id"), r.getString("result"))).toList();
  }
}

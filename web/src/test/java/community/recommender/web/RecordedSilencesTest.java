package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Recorded silences over HTTP: every decision that sends a group nothing is kept, one per group,
 * with the needs, the candidates and the rule that dropped each, so an operator sees later why the
 * group was silent and since when.
 */
class RecordedSilencesTest {
  /** A French falconry club: the demo library holds nothing in French. */
  private static final JsonObject FALCONRY = new JsonObject().put("name", "Club de fauconnerie")
      .put("language", "fr").put("interests", new JsonArray(List.of("falconry"))).put("memberCount", 40);

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;
  private static String operator;
  private static String editor;
  private static String bot;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
    operator = server.token(Role.OPERATOR);
    editor = server.token(Role.EDITOR);
    bot = server.token(Role.BOT);
  }

  @Test
  void emptyDecisions_areRecordedOncePerGroup_andCountedWhilePollsMeetTheSameSilence() {
    putGroup("paris-falconry", FALCONRY);
    Instant before = TestServer.now();

    for (int poll = 0; poll < 5; poll++) {
      HttpResponse<String> answer = server.get("/api/v1/groups/paris-falconry/suggestion", bot);
      assertThat(answer.statusCode()).isEqualTo(204);
      assertThat(answer.headers().firstValue("Retry-After")).isPresent();
    }

    JsonObject silence = recorded("paris-falconry");
    assertThat(silence.getString("status")).isEqualTo("empty");
    assertThat(silence.getLong("decisions")).as("five polls, one record").isEqualTo(5);
    assertThat(Instant.parse(silence.getString("since"))).isBetween(before, TestServer.now());
    assertThat(Instant.parse(silence.getString("lastSeen"))).isAfterOrEqualTo(Instant.parse(silence.getString("since")));
    assertThat(Instant.parse(silence.getString("until"))).isAfter(Instant.parse(silence.getString("lastSeen")));
    JsonObject decision = silence.getJsonObject("explanation");
    assertThat(decision.getJsonArray("needs")).isNotEmpty();
    assertThat(decision.getJsonArray("gaps")).isNotEmpty();

    HttpResponse<String> look = server.get("/api/v1/groups/paris-falconry/suggestion?explain=true", operator);
    JsonObject explained = new JsonObject(look.body());
    assertThat(explained.getString("status")).isEqualTo("empty");
    assertThat(explained.getJsonObject("recorded").getLong("decisions")).isEqualTo(6);
    assertThat(explained.getJsonObject("recorded").getString("since")).isEqualTo(silence.getString("since"));
  }

  @Test
  void aRecordedSilence_namesTheRuleThatDroppedEachCandidate() {
    publish(new JsonObject().put("id", "rallye-du-dimanche").put("kind", "POST").put("title", "Le rallye du dimanche")
        .put("language", "fr").put("status", "published").put("tags", new JsonArray(List.of("knowledge")))
        .put("interests", new JsonArray(List.of("cars"))).put("body", "Un parcours pour les voitures anciennes."));
    putGroup("lyon-falconry", FALCONRY.copy().put("name", "Fauconniers de Lyon"));

    assertThat(server.get("/api/v1/groups/lyon-falconry/suggestion", bot).statusCode()).isEqualTo(204);

    JsonArray dropped = recorded("lyon-falconry").getJsonObject("explanation").getJsonArray("dropped");
    assertThat(dropped).hasSize(1);
    assertThat(dropped.getJsonObject(0).getJsonObject("content").getString("id")).isEqualTo("rallye-du-dimanche");
    assertThat(dropped.getJsonObject(0).getJsonArray("vetoes").getJsonObject(0).getString("rule"))
        .isEqualTo("Leave out content made for other interests");
  }

  @Test
  void aDifferentSilence_replacesTheRecordedOne_andASuggestionShowsTheLastSilence() {
    // In Italian, so that no other test's content reaches it.
    putGroup("nice-falconry", FALCONRY.copy().put("name", "Falconieri di Nizza").put("language", "it"));
    assertThat(server.get("/api/v1/groups/nice-falconry/suggestion", bot).statusCode()).isEqualTo(204);
    JsonObject empty = recorded("nice-falconry");
    assertThat(empty.getString("status")).isEqualTo("empty");

    publish(new JsonObject().put("id", "premier-vol-nice").put("kind", "POST").put("title", "Il primo volo")
        .put("language", "it").put("status", "published").put("tags", new JsonArray(List.of("knowledge")))
        .put("interests", new JsonArray(List.of("falconry"))).put("body", "Preparare il primo volo libero."));
    HttpResponse<String> look = server.get("/api/v1/groups/nice-falconry/suggestion?explain=true", operator);
    assertThat(look.statusCode()).isEqualTo(200);
    JsonObject suggestion = new JsonObject(look.body());
    assertThat(suggestion.getJsonObject("content").getString("id")).isEqualTo("premier-vol-nice");
    assertThat(suggestion.getJsonObject("lastSilence").getString("status")).isEqualTo("empty");
    assertThat(suggestion.getJsonObject("lastSilence").getString("since")).isEqualTo(empty.getString("since"));

    assertThat(server.get("/api/v1/groups/nice-falconry/suggestion", bot).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/groups/nice-falconry/suggestion", bot).statusCode()).isEqualTo(204);

    JsonObject held = recorded("nice-falconry");
    assertThat(held.getString("status")).isEqualTo("held");
    assertThat(held.getLong("decisions")).isEqualTo(1);
    assertThat(Instant.parse(held.getString("since"))).isAfter(Instant.parse(empty.getString("lastSeen")));
    assertThat(held.getJsonArray("reasons").getJsonObject(0).getString("rule"))
        .isEqualTo("Leave a minimum gap between posts");
  }

  @Test
  void silence_isForOperators_nullForAGroupNeverSilent_and404ForAnUnknownGroup() {
    putGroup("never-asked", FALCONRY.copy().put("name", "Jamais sollicité"));

    HttpResponse<String> never = server.get("/api/v1/groups/never-asked/silence", operator);
    assertThat(never.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(never.body()).getValue("silence")).isNull();
    assertThat(server.get("/api/v1/groups/no-such-group/silence", operator).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/groups/never-asked/silence", bot).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/groups/never-asked/silence", editor).statusCode()).isEqualTo(403);
  }

  private static JsonObject recorded(String groupId) {
    HttpResponse<String> response = server.get("/api/v1/groups/" + groupId + "/silence", operator);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject body = new JsonObject(response.body());
    assertThat(body.getString("groupId")).isEqualTo(groupId);
    return body.getJsonObject("silence");
  }

  private static void putGroup(String id, JsonObject portrait) {
    HttpResponse<String> response = server.put("/api/v1/groups/" + id, operator, portrait.encode());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static void publish(JsonObject item) {
    HttpResponse<String> published = server.postJson("/api/v1/content", editor, new JsonArray().add(item).encode());
    assertThat(published.statusCode()).as(published.body()).isIn(200, 201);
  }
}

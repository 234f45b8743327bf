package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Content gaps over HTTP: a group the library cannot serve records what it lacks, editors list it,
 * and it goes when content answering it is published or when the group no longer needs it.
 */
class ContentGapsApiTest {
  /** A French falconry club: the demo library holds nothing in French. */
  private static final JsonObject FALCONRY = new JsonObject().put("name", "Club de fauconnerie")
      .put("language", "fr").put("region", "FR-75").put("interests", new JsonArray(List.of("falconry")))
      .put("memberCount", 40);

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String operator;
  private static String editor;

  @BeforeAll
  static void tokens() {
    operator = server.token(Role.OPERATOR);
    editor = server.token(Role.EDITOR);
  }

  @Test
  void aGroupTheLibraryCannotServe_waitsOnGaps_thatEditorsSee_untilContentAnswersThem() {
    putGroup("paris-falconry", FALCONRY);
    JsonObject silence = explainedSilence("paris-falconry");
    assertThat(silence.getString("status")).isEqualTo("empty");
    assertThat(silence.getJsonObject("explanation").getJsonArray("gaps")).isNotEmpty();

    JsonObject gap = gapOf("paris-falconry", "POST").orElseThrow();
    assertThat(gap.getString("language")).isEqualTo("fr");
    assertThat(gap.getString("region")).isEqualTo("FR-75");
    assertThat(gap.getJsonArray("interests").getList()).containsExactly("falconry");
    assertThat(gap.getInteger("groupsWaiting")).isEqualTo(1);
    assertThat(gap.getString("since")).isNotBlank();

    JsonArray tags = gap.getJsonArray("tags").isEmpty() ? new JsonArray(List.of("tips")) : gap.getJsonArray("tags");
    JsonObject item = new JsonObject().put("id", "falconry-first-flight-fr").put("kind", "POST")
        .put("title", "Le premier vol de votre faucon").put("language", "fr").put("status", "published")
        .put("tags", tags).put("interests", new JsonArray(List.of("falconry")))
        .put("body", "Comment préparer le premier vol libre.");
    HttpResponse<String> published = server.postJson("/api/v1/content", editor, new JsonArray().add(item).encode());
    assertThat(published.statusCode()).as(published.body()).isIn(200, 201);

    assertThat(gaps().stream().filter(g -> g.getString("kind").equals("POST")
        && g.getJsonArray("tags").equals(gap.getJsonArray("tags"))
        && g.getString("language").equals("fr"))).isEmpty();
  }

  @Test
  void aGroupThatNoLongerMeetsAGap_stopsWaitingOnIt() {
    putGroup("lyon-falconry", FALCONRY.copy().put("region", "FR-69"));
    explainedSilence("lyon-falconry");
    assertThat(gapOf("lyon-falconry", null)).isPresent();

    putGroup("lyon-falconry", new JsonObject().put("name", "Lyon coffee").put("language", "en")
        .put("interests", new JsonArray(List.of("coffee"))).put("memberCount", 40));
    server.get("/api/v1/groups/lyon-falconry/suggestion?explain=true", operator);

    assertThat(gaps()).filteredOn(g -> g.getJsonArray("groups").contains("lyon-falconry"))
        .allSatisfy(g -> assertThat(g.getString("language")).isEqualTo("en"));
    assertThat(gaps()).filteredOn(g -> g.getString("region") != null && g.getString("region").equals("FR-69"))
        .as("no one else waits on the Lyon club's old gaps, so they are gone").isEmpty();
  }

  @Test
  void gaps_areForEditors_andTheLimitIsChecked() {
    assertThat(server.get("/api/v1/content/gaps", operator).statusCode()).isEqualTo(403);
    HttpResponse<String> bad = server.get("/api/v1/content/gaps?limit=0", editor);
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(bad.body()).getJsonObject("error").getString("field")).isEqualTo("limit");
  }

  private static void putGroup(String id, JsonObject portrait) {
    HttpResponse<String> response = server.put("/api/v1/groups/" + id, operator, portrait.encode());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  private static JsonObject explainedSilence(String id) {
    HttpResponse<String> response = server.get("/api/v1/groups/" + id + "/suggestion?explain=true", operator);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static List<JsonObject> gaps() {
    HttpResponse<String> response = server.get("/api/v1/content/gaps", editor);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonArray("gaps").stream().map(JsonObject.class::cast).toList();
  }

  /** The first gap {@code groupId} waits on, of {@code kind} when given. */
  private static Optional<JsonObject> gapOf(String groupId, String kind) {
    return gaps().stream()
        .filter(g -> g.getJsonArray("groups").contains(groupId))
        .filter(g -> kind == null || g.getString("kind").equals(kind))
        .findFirst();
  }
}

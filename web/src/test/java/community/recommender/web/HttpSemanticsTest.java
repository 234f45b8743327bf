package community.recommender.web;

import static community.recommender.web.ContentFixtures.PNG;
import static community.recommender.web.ContentFixtures.post;
import static community.recommender.web.ContentFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.web.cli.MultipartBody;
import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What HTTP clients may rely on: 405 with {@code Allow}, conditional polls that claim nothing, item
 * versions as ETags with {@code If-Match}, unchanged content left alone, and CORS for listed origins.
 */
class HttpSemanticsTest {
  private static final String CHAT = "https://chat.example.org";
  private static final String UPLOADS = "/api/v1/content/uploads";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.configured(folder ->
      new ServerConfig(0, folder.resolve("data"), null, TestServer.RULES, TestServer.SAMPLES, true)
          .with(new ServerConfig.Delivery(java.time.Duration.ofHours(6), 100, 200))
          .withCorsOrigins(List.of(CHAT)));
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void wrongMethodOnAKnownPath_gets405WithAllow_andUnknownPaths404() {
    HttpResponse<String> onSuggestions = server.send("DELETE", "/api/v1/suggestions", admin, null);
    HttpResponse<String> onItem = server.send("PATCH", "/api/v1/content/some-item", admin, "{}");
    HttpResponse<String> open = server.send("POST", "/health/live", null, "{}");
    HttpResponse<String> unknown = server.send("DELETE", "/api/v1/nothing-here", admin, null);

    assertThat(onSuggestions.statusCode()).isEqualTo(405);
    assertThat(onSuggestions.headers().firstValue("Allow")).hasValue("GET");
    assertThat(new JsonObject(onSuggestions.body()).getJsonObject("error").getInteger("status")).isEqualTo(405);
    assertThat(onItem.statusCode()).isEqualTo(405);
    assertThat(methods(onItem.headers().firstValue("Allow").orElseThrow())).containsExactly("DELETE", "GET", "PUT");
    assertThat(open.statusCode()).isEqualTo(405);
    assertThat(open.headers().firstValue("Allow")).hasValue("GET");
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.headers().firstValue("Allow")).isEmpty();
    assertThat(new JsonObject(unknown.body()).getJsonObject("error").getInteger("status")).isEqualTo(404);
  }

  @Test
  void botPoll_whoseIfNoneMatchNamesThePendingSuggestion_gets304_andDoesNotClaimIt() {
    String bot = server.createToken(admin, "bot");
    String operator = server.createToken(admin, "operator");
    HttpResponse<String> looked = server.get("/api/v1/groups/hz-parenting/suggestion", operator);
    String etag = looked.headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> conditional = server.get("/api/v1/groups/hz-parenting/suggestion", bot, "If-None-Match", etag);
    HttpResponse<String> plain = server.get("/api/v1/groups/hz-parenting/suggestion", bot);

    assertThat(looked.statusCode()).isEqualTo(200);
    assertThat(conditional.statusCode()).isEqualTo(304);
    assertThat(plain.statusCode()).as("the conditional poll left it pending").isEqualTo(200);
    assertThat(plain.headers().firstValue("ETag")).hasValue(etag);
    assertThat(server.get("/api/v1/groups/hz-parenting/suggestion", bot).statusCode())
        .as("the plain poll claimed it").isEqualTo(204);
  }

  @Test
  void ifNoneMatchStar_gets304WhileASuggestionIsPending_andClaimsNothing() {
    String bot = server.createToken(admin, "bot");
    String operator = server.createToken(admin, "operator");

    HttpResponse<String> star = server.get("/api/v1/groups/gz-car-club/suggestion", bot, "If-None-Match", "*");
    HttpResponse<String> looked = server.get("/api/v1/groups/gz-car-club/suggestion", operator);
    HttpResponse<String> plain = server.get("/api/v1/groups/gz-car-club/suggestion", bot);

    assertThat(star.statusCode()).isEqualTo(304);
    assertThat(star.body()).isEmpty();
    assertThat(looked.statusCode()).isEqualTo(200);
    assertThat(looked.headers().firstValue("ETag")).isEqualTo(star.headers().firstValue("ETag"));
    assertThat(plain.statusCode()).isEqualTo(200);
    assertThat(plain.headers().firstValue("ETag")).isEqualTo(star.headers().firstValue("ETag"));
  }

  @Test
  void ifNoneMatch_matchesWeakTagsAndLists_andAMalformedOneGets400() {
    String path = "/api/v1/groups/sf-outdoor-photo/suggestion";
    String etag = server.get(path, admin).headers().firstValue("ETag").orElseThrow();

    HttpResponse<String> weakInList = server.get(path, admin, "If-None-Match", "\"other\", W/" + etag);
    HttpResponse<String> otherWeak = server.get(path, admin, "If-None-Match", "W/\"other\", \"more\"");
    HttpResponse<String> malformed = server.get(path, admin, "If-None-Match", "no-quotes");

    assertThat(weakInList.statusCode()).isEqualTo(304);
    assertThat(otherWeak.statusCode()).isEqualTo(200);
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(new JsonObject(malformed.body()).getJsonObject("error").getString("message")).contains("If-None-Match");
  }

  @Test
  void contentItem_carriesItsVersionAsETag_andAStaleIfMatchGets412() {
    String item = """
        {"id": "winter-salon", "kind": "ACTIVITY", "title": "Winter reading salon", "language": "en",
         "status": "published", "format": "salon", "capacity": 20, "tags": ["salon"]}""";
    String path = "/api/v1/content/winter-salon";
    assertThat(server.postJson("/api/v1/content", admin, item).statusCode()).isEqualTo(201);

    HttpResponse<String> read = server.get(path, admin);
    HttpResponse<String> first = server.send("PUT", path, admin, item.replace("20", "25"), "If-Match", "\"1\"");
    HttpResponse<String> second = server.send("PUT", path, admin, item.replace("20", "30"), "If-Match", "\"1\"");
    HttpResponse<String> weak = server.send("PUT", path, admin, item.replace("20", "30"), "If-Match", "W/\"2\"");
    HttpResponse<String> staleArchive = server.send("DELETE", path, admin, null, "If-Match", "\"1\"");
    HttpResponse<String> archive = server.send("DELETE", path, admin, null, "If-Match", "\"7\", \"2\"");
    HttpResponse<String> absent = server.send("PUT", "/api/v1/content/no-such-salon", admin,
        item.replace("winter-salon", "no-such-salon"), "If-Match", "*");

    assertThat(read.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("ETag")).hasValue("\"2\"");
    assertThat(second.statusCode()).isEqualTo(412);
    JsonObject error = new JsonObject(second.body()).getJsonObject("error");
    assertThat(error.getInteger("status")).isEqualTo(412);
    assertThat(error.getString("field")).isEqualTo("If-Match");
    assertThat(error.getString("message")).contains("version 2");
    assertThat(weak.statusCode()).as("a weak tag never matches If-Match").isEqualTo(412);
    assertThat(staleArchive.statusCode()).isEqualTo(412);
    assertThat(archive.statusCode()).isEqualTo(200);
    assertThat(archive.headers().firstValue("ETag")).hasValue("\"3\"");
    assertThat(absent.statusCode()).isEqualTo(412);
    JsonObject now = new JsonObject(server.get(path, admin).body());
    assertThat(now.getInteger("capacity")).isEqualTo(25);
    assertThat(now.getString("status")).isEqualTo("archived");
    assertThat(server.get("/api/v1/content/no-such-salon", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void putOfTheSameContent_isUnchanged_andMakesNoVersion() {
    String item = """
        {"id": "same-salon", "kind": "ACTIVITY", "title": "Same salon", "language": "en",
         "status": "published", "format": "salon", "capacity": 12}""";
    String path = "/api/v1/content/same-salon";

    HttpResponse<String> created = server.put(path, admin, item);
    HttpResponse<String> again = server.put(path, admin, item);

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(again.body()).getString("result")).isEqualTo("unchanged");
    assertThat(new JsonObject(again.body()).getInteger("version")).isEqualTo(1);
    assertThat(again.headers().firstValue("ETag")).hasValue("\"1\"");
    assertThat(new JsonObject(server.get(path + "/versions", admin).body()).getJsonArray("versions")).hasSize(1);
  }

  @Test
  void uploadOfAnUnchangedFile_isANoOp_andSupersedesNoPendingSuggestion() {
    String operator = server.createToken(admin, "operator");
    String poll = "/api/v1/groups/ber-fitness/suggestion";
    MultipartBody file = new MultipartBody().file("steady.md", utf8(post("steady-file", "steadyword")));
    MultipartBody edited = new MultipartBody().file("steady.md",
        utf8(post("steady-file", "steadyword").replace("All about", "Now all about")));
    JsonObject first = upload(file);
    String pending = server.get(poll, operator).headers().firstValue("ETag").orElseThrow();

    JsonObject again = upload(file);
    String afterAgain = server.get(poll, operator).headers().firstValue("ETag").orElseThrow();
    JsonObject changed = upload(edited);
    String afterChange = server.get(poll, operator).headers().firstValue("ETag").orElseThrow();

    assertThat(first.getInteger("created")).isEqualTo(1);
    assertThat(again.getInteger("unchanged")).isEqualTo(1);
    assertThat(again.getInteger("updated")).isZero();
    JsonObject report = again.getJsonArray("files").getJsonObject(0);
    assertThat(report.getString("result")).isEqualTo("unchanged");
    assertThat(report.getJsonArray("items").getJsonObject(0).getInteger("version")).isEqualTo(1);
    assertThat(afterAgain).as("the pending suggestion stands").isEqualTo(pending);
    assertThat(changed.getInteger("updated")).isEqualTo(1);
    assertThat(afterChange).as("a real change supersedes it").isNotEqualTo(pending);
  }

  @Test
  void uploadWithItsImage_isUnchangedOnlyWhileTheImageIsTheSame() {
    byte[] other = Arrays.copyOf(PNG, PNG.length + 4);
    String markdown = "---\nid: pictured-post\nkind: POST\ntitle: Pictured\nlanguage: en\nstatus: published\n"
        + "media: [shelf.png]\n---\nA shelf.\n";
    MultipartBody first = new MultipartBody().file("pictured.md", utf8(markdown)).file("shelf.png", PNG);
    MultipartBody newImage = new MultipartBody().file("pictured.md", utf8(markdown)).file("shelf.png", other);

    JsonObject created = upload(first);
    JsonObject again = upload(first);
    JsonObject replaced = upload(newImage);

    assertThat(created.getInteger("created")).isEqualTo(1);
    assertThat(again.getInteger("unchanged")).isEqualTo(1);
    assertThat(replaced.getInteger("updated")).as("a new image is a change").isEqualTo(1);
    assertThat(server.getBytes("/api/v1/content/pictured-post/media/shelf.png", admin).body()).isEqualTo(other);
  }

  @Test
  void preflightFromAListedOrigin_namesTheAllowedMethodsAndHeaders() {
    HttpResponse<String> preflight = server.send("OPTIONS", "/api/v1/groups/sf-outdoor-photo/suggestion", null, null,
        "Origin", CHAT, "Access-Control-Request-Method", "PUT",
        "Access-Control-Request-Headers", "authorization, if-match");

    assertThat(preflight.statusCode()).isBetween(200, 204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CHAT);
    assertThat(list(preflight, "Access-Control-Allow-Methods")).contains("get", "post", "put", "delete");
    assertThat(list(preflight, "Access-Control-Allow-Headers"))
        .contains("authorization", "content-type", "if-match", "if-none-match", "x-request-id");
  }

  @Test
  void requestFromAListedOrigin_mayReadETagRetryAfterAndRequestId() {
    HttpResponse<String> answer = server.get("/api/v1/groups/sf-outdoor-photo/suggestion", admin, "Origin", CHAT);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).hasValue(CHAT);
    assertThat(list(answer, "Access-Control-Expose-Headers"))
        .contains("etag", "retry-after", "x-request-id", "x-next-suggestion-at");
  }

  @Test
  void requestFromAnUnlistedOrigin_getsNoCorsHeaders() {
    HttpResponse<String> answer = server.get("/api/v1/groups/sf-outdoor-photo/suggestion", admin,
        "Origin", "https://elsewhere.example.org");
    HttpResponse<String> preflight = server.send("OPTIONS", "/api/v1/groups/sf-outdoor-photo/suggestion", null, null,
        "Origin", "https://elsewhere.example.org", "Access-Control-Request-Method", "GET");

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight.statusCode()).isEqualTo(401);
  }

  @Test
  void corsOrigin_thatIsNotAnOrigin_isRefused() {
    ServerConfig config = new ServerConfig(0, server.dataDir(), null, TestServer.RULES, TestServer.SAMPLES, false);

    assertThatThrownBy(() -> config.withCorsOrigins(List.of("https://chat.example.org/sidebar")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("scheme, host and port only");
    assertThatThrownBy(() -> config.withCorsOrigins(List.of("chat.example.org")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(config.withCorsOrigins(List.of("HTTP://Localhost:3000")).corsOrigins())
        .containsExactly("http://localhost:3000");
  }

  private static JsonObject upload(MultipartBody body) {
    HttpResponse<String> response = server.post(UPLOADS, admin, body.contentType(), body.toBytes());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static List<String> methods(String allow) {
    return Arrays.stream(allow.split(",")).map(String::strip).toList();
  }

  private static List<String> list(HttpResponse<String> response, String header) {
    return Arrays.stream(response.headers().firstValue(header).orElse("").split(","))
        .map(value -> value.strip().toLowerCase(Locale.ROOT)).filter(value -> !value.isEmpty()).toList();
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.cli.MultipartBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A suggestion carries a rendering for its group's platform over HTTP, and {@code ?format=} asks for another. */
class RenderingsApiTest {
  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;

  @BeforeAll
  static void start() {
    admin = server.admin();
    for (String platform : new String[] {"wecom", "wechat"}) {
      assertThat(server.put("/api/v1/groups/render-" + platform, admin, "{\"name\": \"Coffee on " + platform
          + "\", \"platform\": \"" + platform + "\", \"interests\": [\"coffee\"], \"region\": \"CN-SH-Shanghai\","
          + " \"language\": \"zh\"}").statusCode()).isEqualTo(201);
    }
  }

  @Test
  void suggestion_carriesTheRenderingForItsGroupsPlatform() {
    JsonObject suggestion = new JsonObject(server.get("/api/v1/groups/render-wecom/suggestion", admin).body());

    JsonObject rendering = suggestion.getJsonObject("rendering");
    assertThat(rendering.getString("format")).isEqualTo("wecom");
    assertThat(rendering.getBoolean("fits")).isTrue();
    assertThat(rendering.getJsonArray("limitsExceeded")).isEmpty();
    assertThat(rendering.getBoolean("copyByHand")).isFalse();
    String text = rendering.getJsonObject("wecom").getString("text");
    assertThat(text).isNotBlank().doesNotContain("**", "## ");
    assertThat(suggestion.getJsonObject("content").getString("body")).contains("**");
  }

  @Test
  void personalWeChatGroups_getPlainTextMarkedCopyByHand() {
    JsonObject rendering = new JsonObject(server.get("/api/v1/groups/render-wechat/suggestion", admin).body())
        .getJsonObject("rendering");

    assertThat(rendering.getString("format")).isEqualTo("wechat");
    assertThat(rendering.getBoolean("copyByHand")).isTrue();
    assertThat(rendering.getJsonObject("wechat").getString("text")).isNotBlank().doesNotContain("**");
  }

  @Test
  void formatParameter_asksForAnotherPlatformsRendering() {
    JsonObject telegram = new JsonObject(server.get("/api/v1/groups/render-wecom/suggestion?format=telegram", admin)
        .body()).getJsonObject("rendering");
    JsonObject slack = new JsonObject(server.get("/api/v1/groups/render-wecom/suggestion?format=SLACK", admin)
        .body()).getJsonObject("rendering");

    assertThat(telegram.getString("format")).isEqualTo("telegram");
    JsonObject message = telegram.getJsonObject("telegram").getJsonArray("messages").getJsonObject(0);
    JsonObject bold = message.getJsonArray("entities").stream().map(JsonObject.class::cast)
        .filter(e -> e.getString("type").equals("bold")).findFirst().orElseThrow();
    assertThat(bold.getInteger("length")).isPositive();
    assertThat(slack.getString("format")).isEqualTo("slack");
    JsonArray blocks = slack.getJsonObject("slack").getJsonArray("blocks");
    assertThat(blocks.getJsonObject(0).getString("type")).isEqualTo("header");
    assertThat(blocks.getJsonObject(1).getString("type")).isEqualTo("markdown");
    assertThat(blocks.getJsonObject(1).getString("text")).contains("**");
  }

  @Test
  void batchPoll_rendersEachSuggestionInTheAskedFormat() {
    JsonObject page = new JsonObject(server.get("/api/v1/suggestions?groups=render-wecom,render-wechat&format=discord",
        admin).body());

    assertThat(page.getJsonArray("items")).hasSize(2).allSatisfy(item -> {
      JsonObject rendering = ((JsonObject) item).getJsonObject("suggestion").getJsonObject("rendering");
      assertThat(rendering.getString("format")).isEqualTo("discord");
      assertThat(rendering.getJsonObject("discord").getString("content")).isNotBlank();
    });
  }

  @Test
  void uploadOverWeComsTextLimit_isStoredWithAWarningNamingPlatformAndLimit() {
    String body = "## 长文\n\n" + "每天一杯好咖啡，慢慢喝。".repeat(140);
    String markdown = "---\nid: long-coffee-essay\nkind: POST\ntitle: 咖啡长文\nlanguage: zh\nstatus: published\n---\n"
        + body + "\n";
    MultipartBody upload = new MultipartBody().file("long-coffee-essay.md", markdown.getBytes(StandardCharsets.UTF_8));

    HttpResponse<String> answer = server.post("/api/v1/content/uploads", admin, upload.contentType(), upload.toBytes());

    assertThat(answer.statusCode()).isEqualTo(200);
    JsonObject item = new JsonObject(answer.body()).getJsonArray("files").getJsonObject(0).getJsonArray("items")
        .getJsonObject(0);
    assertThat(item.getString("result")).isEqualTo("created");
    JsonArray warnings = item.getJsonArray("warnings");
    assertThat(warnings).hasSize(1);
    JsonObject warning = warnings.getJsonObject(0);
    assertThat(warning.getString("platform")).isEqualTo("wecom");
    assertThat(warning.getLong("allowed")).isEqualTo(4000L);
    assertThat(warning.getLong("actual")).isGreaterThan(4000L);
    assertThat(warning.getString("message")).startsWith("WeCom allows at most 4000 bytes of text");
    JsonObject shortOne = new JsonObject(server.postJson("/api/v1/content", admin,
        "{\"id\": \"short-coffee-note\", \"kind\": \"POST\", \"title\": \"短文\", \"body\": \"一杯咖啡。\"}").body());
    assertThat(shortOne.containsKey("warnings")).isFalse();
  }

  @Test
  void unknownFormat_is422NamingTheField() {
    HttpResponse<String> single = server.get("/api/v1/groups/render-wecom/suggestion?format=line", admin);
    HttpResponse<String> batch = server.get("/api/v1/suggestions?format=line", admin);

    assertThat(single.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(single.body()).getJsonObject("error").getString("field")).isEqualTo("format");
    assertThat(batch.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(batch.body()).getJsonObject("error").getString("field")).isEqualTo("format");
  }
}

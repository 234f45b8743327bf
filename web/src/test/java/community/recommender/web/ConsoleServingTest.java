package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The console as the server hands it out: the page, its assets, its security headers, and who-am-I. */
class ConsoleServingTest {
  private static final Pattern ASSET = Pattern.compile("(?:src|href)=\"(/assets/[^\"]+)\"");

  @RegisterExtension static final ServerPerClass server = ServerPerClass.onOwnDatabase();
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void thePage_isServedWithoutAToken_underAStrictPolicy_andLoadsOnlyItsOwnAssets() {
    HttpResponse<String> page = server.get("/", null);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(policy).contains("default-src 'self'", "script-src 'self';", "object-src 'none'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
    assertThat(page.body()).doesNotContain("http://", "https://", "<script>").contains("type=\"module\"");
    Matcher nonce = Pattern.compile("'nonce-([^']+)'").matcher(policy);
    assertThat(nonce.find()).isTrue();
    assertThat(page.body()).contains("content=\"" + nonce.group(1) + "\"");
    assertThat(server.get("/", null).body()).as("a fresh nonce per load").doesNotContain(nonce.group(1));

    Matcher assets = ASSET.matcher(page.body());
    int found = 0;
    while (assets.find()) {
      HttpResponse<String> asset = server.get(assets.group(1), null);
      assertThat(asset.statusCode()).as(assets.group(1)).isEqualTo(200);
      assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("immutable"));
      found++;
    }
    assertThat(found).as("a script and a stylesheet").isEqualTo(2);
  }

  @Test
  void unknownPaths_stillAnswer404_andTheApiStillNeedsAToken() {
    assertThat(server.get("/assets/nothing-here.js", null).statusCode()).isEqualTo(404);
    assertThat(server.get("/no-such-page", null).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/session", null).statusCode()).isEqualTo(401);
  }

  @Test
  void session_tellsTheCallerItsRoleNameAndGroups() {
    String bot = server.database().token(Role.BOT, List.of("sh-coffee-lovers"));
    String editor = server.database().token(Role.EDITOR, List.of());

    JsonObject adminSession = new JsonObject(server.get("/api/v1/session", admin).body());
    JsonObject botSession = new JsonObject(server.get("/api/v1/session", bot).body());
    JsonObject editorSession = new JsonObject(server.get("/api/v1/session", editor).body());

    assertThat(adminSession.getString("role")).isEqualTo("admin");
    assertThat(adminSession.getString("name")).isEqualTo("first admin");
    assertThat(botSession.getString("role")).isEqualTo("bot");
    assertThat(botSession.getJsonArray("groups").getList()).containsExactly("sh-coffee-lovers");
    assertThat(editorSession.getString("role")).isEqualTo("editor");
    assertThat(server.get("/api/v1/rules", editor).statusCode()).as("an editor may not read rules").isEqualTo(403);
  }
}

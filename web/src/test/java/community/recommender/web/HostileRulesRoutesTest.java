package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.cli.Main;
import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TimeZone;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile rule files sent as an operator would, through every route that takes rules: PUT,
 * validate, simulate and the offline {@code rules check}. Each is refused with file, line and
 * column; none of it runs, and the server keeps serving with the rules it had.
 */
class HostileRulesRoutesTest {
  private static final Path CORPUS = Path.of("..", "engine", "src", "test", "resources", "hostile");

  @TempDir static Path temp;
  private static TestServer server;
  private static String admin;
  private static ServerSocket listener;
  private static final AtomicInteger connections = new AtomicInteger();
  private static String timeZone;
  private static Locale locale;

  @BeforeAll
  static void start() throws IOException {
    Path data = temp.resolve("data");
    server = TestServer.start(new ServerConfig(0, data, null, TestServer.copyOfRules(temp.resolve("rules")),
        TestServer.SAMPLES, true).with(TestServer.UNLIMITED));
    admin = TestServer.adminToken(data);
    listener = new ServerSocket(0);
    Thread accepter = new Thread(() -> {
      while (!listener.isClosed()) {
        try (Socket ignored = listener.accept()) {
          connections.incrementAndGet();
        } catch (IOException e) {
          return;
        }
      }
    }, "hostile-listener");
    accepter.setDaemon(true);
    accepter.start();
    timeZone = TimeZone.getDefault().getID();
    locale = Locale.getDefault();
  }

  @AfterAll
  static void stop() throws IOException {
    listener.close();
    server.close();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "unicode-newline-in-comment.drl", "unicode-reads-token.drl", "logging-file-handler.drl",
      "logging-socket-handler.drl", "timezone-default.drl", "beans-expression.drl", "accumulate-action-runs-code.drl",
      "salience-expression.drl", "drools-through-lambda.drl", "declare-default-runs.drl", "synchronized-wait.drl",
      "while-true.drl", "runtime-halt.drl"})
  void hostileFile_isRefusedByEveryRoute_andNothingOfItRuns(String name) throws IOException {
    Path marker = temp.resolve(name + ".marker");
    String text = Files.readString(CORPUS.resolve(name))
        .replace("${MARKER}", marker.toString())
        .replace("${PORT}", Integer.toString(listener.getLocalPort()));
    long version = activeVersion();

    assertRefused(server.putText("/api/v1/rules/hostile.drl", admin, text));
    assertRefused(server.post("/api/v1/rules/validate?file=hostile.drl", admin, "text/plain", text));
    assertRefused(server.post("/api/v1/rules/simulate", admin, "application/json",
        new JsonObject().put("files", new JsonObject().put("hostile.drl", text)).encode()));

    Path folder = TestServer.copyOfRules(temp.resolve("check-" + name));
    Files.writeString(folder.resolve("hostile.drl"), text);
    StringWriter err = new StringWriter();
    int exit = Main.run(new String[] {"rules", "check", folder.toString()}, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).containsPattern("hostile\\.drl:[1-9]\\d*:[1-9]\\d*: ");

    assertThat(activeVersion()).isEqualTo(version);
    assertThat(server.get("/api/v1/groups/sh-coffee-lovers/suggestion", admin).statusCode()).isIn(200, 204);
    assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
    HttpResponse<String> ready = server.get("/health/ready", null);
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(ready.body()).getJsonObject("checks").getString("rules")).isEqualTo("ok");
    assertThat(marker).doesNotExist();
    assertThat(connections.get()).isZero();
    assertThat(TimeZone.getDefault().getID()).isEqualTo(timeZone);
    assertThat(Locale.getDefault()).isEqualTo(locale);
    assertThat(System.getProperties().stringPropertyNames()).noneMatch(p -> p.startsWith("sandbox."));
  }

  @org.junit.jupiter.api.Test
  void oversizedFile_answers413_andTooManyRules422_beforeAnythingCompiles() {
    long version = activeVersion();
    String huge = "package playbook.huge\n// " + "x".repeat(300 * 1024) + "\n";
    StringBuilder many = new StringBuilder("package playbook.many\nimport community.recommender.engine.model.*\n");
    for (int i = 0; i < 2_001; i++) {
      many.append("rule \"R").append(i).append("\" when Group() then end\n");
    }

    HttpResponse<String> tooLarge = server.putText("/api/v1/rules/huge.drl", admin, huge);
    HttpResponse<String> tooMany = server.putText("/api/v1/rules/many.drl", admin, many.toString());

    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(new JsonObject(tooLarge.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
        .contains("at most 262144");
    assertThat(tooMany.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(tooMany.body()).getJsonArray("errors").getJsonObject(0).getString("message"))
        .containsPattern("has 2\\d{3} rules; at most 2000 are allowed");
    assertThat(activeVersion()).isEqualTo(version);
  }

  private static void assertRefused(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors");
    assertThat(errors).isNotEmpty();
    for (Object each : errors) {
      JsonObject error = (JsonObject) each;
      assertThat(error.getString("file")).isEqualTo("hostile.drl");
      assertThat(error.getInteger("line")).isPositive();
      assertThat(error.getInteger("column")).isPositive();
    }
  }

  private static long activeVersion() {
    return new JsonObject(server.get("/api/v1/rules/versions", admin).body()).getLong("activeVersion");
  }
}

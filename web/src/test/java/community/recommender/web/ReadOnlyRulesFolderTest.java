package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.ServerConfig;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rules folder the server cannot write, as in the read-only container: PostgreSQL holds the rules,
 * so publishing, rolling back and restarting all work, and the rules API says the mirror failed.
 */
class ReadOnlyRulesFolderTest {
  private static final String EXTRA = """
      package playbook.extra
      import community.recommender.engine.model.*
      ruleflow-group "candidates"

      rule "Nudge activities up a little"
      when
          $c : Candidate( kind == ContentKind.ACTIVITY )
      then
          insert( new ScoreAdjustment($c, 1, "A small nudge") );
      end
      """;

  @TempDir Path temp;
  private Path rules;
  private boolean immutable;

  @Test
  void publishRollBackAndRestart_allWork_andTheRulesApiShowsTheFailedMirror() throws Exception {
    rules = TestServer.copyOfRules(temp.resolve("rules"));
    makeReadOnly(rules);
    List<String> folderBefore = listing(rules);
    Path data = temp.resolve("data");
    ServerConfig config = new ServerConfig(0, data, null, rules, TestServer.SAMPLES, false).with(TestServer.UNLIMITED);

    long published;
    try (TestServer server = TestServer.start(config)) {
      String admin = TestServer.adminToken(data);
      long first = rulesOf(server, admin).getLong("version");
      assertThat(rulesOf(server, admin).getJsonObject("mirror").getBoolean("written")).isTrue();

      HttpResponse<String> put = server.putText("/api/v1/rules/extra.drl", admin, EXTRA);
      assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
      JsonObject afterPut = rulesOf(server, admin);
      assertThat(afterPut.getLong("version")).isGreaterThan(first);
      assertThat(afterPut.getJsonArray("rules").getList()).contains("Nudge activities up a little");
      JsonObject mirror = afterPut.getJsonObject("mirror");
      assertThat(mirror.getBoolean("written")).isFalse();
      assertThat(mirror.getString("error")).isNotBlank();
      assertThat(mirror.getString("folder")).isEqualTo(rules.toString());

      HttpResponse<String> rollback = server.postJson("/api/v1/rules/versions/" + first + "/activate", admin, "{}");
      assertThat(rollback.statusCode()).as(rollback.body()).isEqualTo(200);
      assertThat(rulesOf(server, admin).getJsonArray("rules").getList()).doesNotContain("Nudge activities up a little");

      assertThat(server.putText("/api/v1/rules/extra.drl", admin, EXTRA).statusCode()).isEqualTo(200);
      published = rulesOf(server, admin).getLong("version");
    }
    assertThat(listing(rules)).isEqualTo(folderBefore);

    try (TestServer restarted = TestServer.start(config)) {
      String admin = TestServer.adminToken(data);
      JsonObject active = rulesOf(restarted, admin);
      assertThat(active.getLong("version")).isEqualTo(published);
      assertThat(active.getJsonArray("rules").getList()).contains("Nudge activities up a little");
      assertThat(active.getJsonObject("mirror").getBoolean("written")).isFalse();
      assertThat(restarted.get("/health", null).statusCode()).isEqualTo(200);
    }
  }

  @AfterEach
  void makeWritableAgain() throws Exception {
    if (immutable) {
      run("chattr", "-i", rules.toString());
    }
    if (rules != null) {
      Files.setPosixFilePermissions(rules, PosixFilePermissions.fromString("rwx------"));
    }
  }

  private static JsonObject rulesOf(TestServer server, String admin) {
    HttpResponse<String> response = server.get("/api/v1/rules", admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  /**
   * Takes write permission away; the superuser ignores permissions, so then the folder is made
   * immutable as well. Either way the test checks that nothing can be created in it.
   */
  private void makeReadOnly(Path dir) throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));
    if (canCreateIn(dir)) {
      run("chattr", "+i", dir.toString());
      immutable = true;
    }
    assertThat(canCreateIn(dir)).as("the rules folder must be read-only for this test").isFalse();
  }

  private static boolean canCreateIn(Path dir) {
    try {
      Files.delete(Files.createFile(dir.resolve(".probe")));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static void run(String... command) throws Exception {
    Process process = new ProcessBuilder(command).inheritIO().start();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.map(f -> f.getFileName().toString()).sorted().toList();
    }
  }
}

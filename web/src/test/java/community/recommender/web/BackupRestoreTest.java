package community.recommender.web;

import static community.recommender.web.ContentFixtures.MOULD_PROOF_MD;
import static community.recommender.web.ContentFixtures.PNG;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.cli.Main;
import community.recommender.web.cli.MultipartBody;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recommender backup} and {@code restore}: all state moves from one server's database to
 * another, and the API answers the same there.
 */
class BackupRestoreTest {
  private static final String EXTRA_RULES = """
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

  @Test
  void backupOfARunningServer_restoredIntoAFreshDataDir_answersTheSame() throws Exception {
    Path original = temp.resolve("original");
    Path restored = temp.resolve("restored");
    Path file = temp.resolve("state.zip");
    Map<String, String> answers;
    String admin;
    String bot;
    String suggestionId;
    try (TestServer server = TestServer.startEmbedded(original, TestServer.copyOfRules(temp.resolve("rules")))) {
      admin = TestServer.adminToken(original);
      bot = server.createToken(admin, "bot");
      assertThat(server.putText("/api/v1/rules/extra.drl", admin, EXTRA_RULES).statusCode()).isEqualTo(200);
      MultipartBody upload = new MultipartBody().file("mould.md", MOULD_PROOF_MD.getBytes(StandardCharsets.UTF_8))
          .file("closet.png", PNG);
      assertThat(server.post("/api/v1/content/uploads", admin, upload.contentType(), upload.toBytes()).statusCode())
          .isEqualTo(200);
      HttpResponse<String> suggestion = server.get("/api/v1/groups/sh-coffee-lovers/suggestion", bot);
      assertThat(suggestion.statusCode()).isEqualTo(200);
      suggestionId = new JsonObject(suggestion.body()).getString("id");
      assertThat(server.postJson("/api/v1/suggestions/" + suggestionId + "/feedback", bot, """
          {"outcome": "posted", "postedAt": "2026-11-23T09:30:00Z", "metrics": {"reactions": 12, "replies": 3}}""")
          .statusCode()).isEqualTo(200);
      answers = answers(server, admin);

      Result backup = run("backup", file.toString(), "--data-dir", original.toString());

      assertThat(backup.exit()).as(backup.err()).isZero();
      assertThat(backup.out()).contains("Backed up").contains("to " + file);
      // Written after the snapshot: it is not in the file.
      assertThat(server.put("/api/v1/groups/after-the-backup", admin, "{\"name\": \"Later\"}").statusCode())
          .isEqualTo(201);
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      JsonObject manifest = new JsonObject(new String(zip.getInputStream(zip.getEntry("manifest.json")).readAllBytes(),
          StandardCharsets.UTF_8));
      assertThat(manifest.getString("schemaVersion")).isNotBlank();
      assertThat(manifest.getJsonArray("tables").stream().map(t -> ((JsonObject) t).getString("name")))
          .contains("groups", "activity_reports", "content_items", "content_versions", "content_media", "rule_sets",
              "suggestions", "tokens", "content_gaps")
          .doesNotContain("flyway_schema_history");
    }

    Result restore = run("restore", file.toString(), "--data-dir", restored.toString());

    assertThat(restore.exit()).as(restore.err()).isZero();
    assertThat(restore.out()).contains("Restored");
    try (TestServer server = TestServer.startEmbedded(restored,
        TestServer.copyOfRules(temp.resolve("restored-rules")))) {
      assertThat(server.output()).doesNotContain("admin token").doesNotContain("Loaded the demo");
      Map<String, String> after = answers(server, admin);
      for (String path : answers.keySet()) {
        assertThat(after.get(path)).as(path).isEqualTo(answers.get(path));
      }
      assertThat(server.get("/api/v1/groups/after-the-backup", admin).statusCode()).isEqualTo(404);
      assertThat(server.get("/api/v1/groups/sh-coffee-lovers/suggestion", bot).statusCode()).isIn(200, 204);
      assertThat(server.postJson("/api/v1/suggestions/" + suggestionId + "/feedback", bot,
          "{\"outcome\": \"skipped\"}").statusCode()).as("the feedback was restored: a change of mind conflicts")
          .isEqualTo(409);
      assertThat(server.put("/api/v1/groups/new-after-restore", admin, "{\"name\": \"New\"}").statusCode())
          .isEqualTo(201);
    }
  }

  @Test
  void restore_intoADatabaseThatHoldsData_isRefusedWithOneLine_unlessForced() throws Exception {
    Path original = temp.resolve("original");
    Path file = temp.resolve("state.zip");
    try (TestServer server = TestServer.startEmbedded(original)) {
      assertThat(run("backup", file.toString(), "--data-dir", original.toString()).exit()).isZero();
    }
    String groupsBefore;
    String admin = TestServer.adminToken(original);
    try (TestServer server = TestServer.startEmbedded(original)) {
      groupsBefore = withoutNodeState(server.get("/api/v1/groups", admin).body());
    }

    Result offline = run("backup", temp.resolve("offline.zip").toString(), "--data-dir", original.toString());
    Result refused = run("restore", file.toString(), "--data-dir", original.toString());
    Result forced = run("restore", file.toString(), "--data-dir", original.toString(), "--force");

    assertThat(offline.exit()).as("a backup with no server running: " + offline.err()).isZero();
    assertThat(offline.out()).contains("Backed up");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip().lines()).hasSize(1);
    assertThat(refused.err()).startsWith("error: the database is not empty").contains("--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    try (TestServer server = TestServer.startEmbedded(original)) {
      assertThat(withoutNodeState(server.get("/api/v1/groups", admin).body())).isEqualTo(groupsBefore);
    }
  }

  @Test
  void backupAndRestore_betweenExternalDatabases_moveEveryRow() throws Exception {
    Path file = temp.resolve("external.zip");
    try (TestDatabase source = TestDatabase.start(); TestDatabase target = TestDatabase.start()) {
      try (TestServer server = TestServer.start(new community.recommender.web.server.ServerConfig(0,
          temp.resolve("node"), source.url(), TestServer.RULES, TestServer.SAMPLES, true).with(TestServer.UNLIMITED))) {
        assertThat(server.get("/health/ready", null).statusCode()).isEqualTo(200);
      }

      Result backup = run("backup", file.toString(), "--database-url", source.url());
      Result restore = run("restore", file.toString(), "--database-url", target.url());

      assertThat(backup.exit()).as(backup.err()).isZero();
      assertThat(restore.exit()).as(restore.err()).isZero();
      assertThat(rowCounts(target.jdbcUrl())).isEqualTo(rowCounts(source.jdbcUrl())).containsKey("groups");
      assertThat(rowCounts(source.jdbcUrl()).get("groups")).isPositive();
    }
  }

  @Test
  void restore_ofAFileThatIsNoBackup_failsWithOneLine() throws Exception {
    Path notABackup = Files.writeString(temp.resolve("notes.zip"), "just text");

    Result result = run("restore", notABackup.toString(), "--data-dir", temp.resolve("data").toString());

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err().strip().lines()).hasSize(1);
    assertThat(result.err()).contains("is not a backup file");
  }

  /** What the API answers about everything a backup must carry. */
  private static Map<String, String> answers(TestServer server, String admin) {
    Map<String, String> answers = new LinkedHashMap<>();
    for (String path : new String[] {"/api/v1/groups?pageSize=500", "/api/v1/groups/sh-coffee-lovers",
        "/api/v1/content?status=published&size=100", "/api/v1/content/mould-proof-closet-tips",
        "/api/v1/content/mould-proof-closet-tips/versions", "/api/v1/rules", "/api/v1/rules/versions",
        "/api/v1/rules/extra.drl", "/api/v1/tokens"}) {
      HttpResponse<String> answer = server.get(path, admin);
      assertThat(answer.statusCode()).as(path).isEqualTo(200);
      answers.put(path, withoutNodeState(answer.body()));
    }
    return answers;
  }

  /**
   * {@code body} without what belongs to one node's run rather than to the state: the times groups
   * were last assessed (every server assesses its groups when it starts) and the state of the node's
   * own rules folder.
   */
  private static String withoutNodeState(String body) {
    return body.replaceAll("\"assessedAt\":\"[^\"]*\"", "\"assessedAt\":\"(at start)\"")
        .replaceAll(",\"mirror\":\\{[^}]*\\}", "");
  }

  private static Map<String, Long> rowCounts(String jdbcUrl) throws Exception {
    Map<String, Long> counts = new LinkedHashMap<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement()) {
      for (String table : new String[] {"groups", "activity_reports", "content_items", "content_versions",
          "content_media", "rule_sets", "suggestions", "tokens", "content_gaps"}) {
        try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
          rows.next();
          counts.put(table, rows.getLong(1));
        }
      }
    }
    return counts;
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Safe rule changes over HTTP and through the rules folder, against the real server and a copy of the playbook. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RulesApiTest {
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

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemoOnCopyOfRules();
  private static Path rules;
  private static String admin;

  @BeforeAll
  static void start() {
    rules = server.rulesDir();
    admin = server.admin();
  }

  @Test
  @Order(1)
  void brokenDrl_answers422WithFileLineAndColumn_andTheRunningSetStays() {
    long before = activeVersion();

    HttpResponse<String> response = server.putText("/api/v1/rules/extra.drl", admin, """
        package playbook.extra
        import community.recommender.engine.model.*
        rule "Half written"
        when
            Group( stage == )
        then
        end
        """);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonObject error = new JsonObject(response.body()).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("file")).isEqualTo("extra.drl");
    assertThat(error.getInteger("line")).isEqualTo(5);
    assertThat(error.getInteger("column")).isPositive();
    assertThat(activeVersion()).isEqualTo(before);
    assertThat(rules.resolve("extra.drl")).doesNotExist();
  }

  @Test
  @Order(2)
  void unsafeDrl_isRefusedWithTheReason() {
    HttpResponse<String> response = server.putText("/api/v1/rules/extra.drl", admin, """
        package playbook.extra
        import java.nio.file.Files
        rule "Leak"
        when
            eval(true)
        then
            Runtime.getRuntime().exec("id");
        end
        """);

    assertThat(response.statusCode()).isEqualTo(422);
    JsonArray errors = new JsonObject(response.body()).getJsonArray("errors");
    assertThat(errors.getJsonObject(0).getString("message")).startsWith("import java.nio.file.Files is not allowed");
    assertThat(errors.getJsonObject(1).getInteger("line")).isEqualTo(7);
    assertThat(errors.getJsonObject(1).getString("message")).startsWith("'Runtime' is not allowed");
  }

  @Test
  @Order(3)
  void validate_checksWithoutActivating() {
    long before = activeVersion();

    HttpResponse<String> valid = server.post("/api/v1/rules/validate?file=extra.drl", admin, "text/plain", EXTRA);
    HttpResponse<String> invalid = server.post("/api/v1/rules/validate", admin, "application/json",
        new JsonObject().put("files", new JsonObject().put("extra.drl", "rule \"x\" when then")).encode());

    assertThat(valid.statusCode()).isEqualTo(200);
    assertThat(invalid.statusCode()).isEqualTo(422);
    assertThat(activeVersion()).isEqualTo(before);
  }

  @Test
  @Order(4)
  void simulate_showsEachDemoGroup_andCountsWhatWouldChange() {
    HttpResponse<String> same = server.post("/api/v1/rules/simulate", admin, "application/json",
        "{\"files\": {}}");
    HttpResponse<String> withoutGoodwill = server.post("/api/v1/rules/simulate", admin, "application/json",
        "{\"files\": {\"candidates-goodwill.drl\": null, \"candidates-fit.drl\": null}}");

    JsonObject unchanged = new JsonObject(same.body());
    JsonObject changed = new JsonObject(withoutGoodwill.body());
    assertThat(unchanged.getInteger("total")).isGreaterThanOrEqualTo(5);
    assertThat(unchanged.getInteger("changed")).isZero();
    assertThat(changed.getInteger("total")).isEqualTo(unchanged.getInteger("total"));
    assertThat(changed.getInteger("changed")).isPositive();
    assertThat(changed.getInteger("changed") + changed.getInteger("unchanged")).isEqualTo(changed.getInteger("total"));
    JsonObject row = changed.getJsonArray("groups").stream().map(JsonObject.class::cast)
        .filter(g -> g.getBoolean("changed")).findFirst().orElseThrow();
    assertThat(row.getJsonObject("current").getString("contentId"))
        .isNotEqualTo(row.getJsonObject("proposed").getString("contentId"));
    assertThat(rules.resolve("candidates-goodwill.drl")).exists();
  }

  @Test
  @Order(5)
  void put_activatesANewVersion_andRollbackRestoresTheOldOne() throws Exception {
    long before = activeVersion();
    String beforeHash = new JsonObject(server.get("/api/v1/rules", admin).body()).getString("contentHash");

    HttpResponse<String> put = server.putText("/api/v1/rules/extra.drl", admin, EXTRA);

    assertThat(put.statusCode()).isEqualTo(200);
    long added = new JsonObject(put.body()).getLong("version");
    assertThat(added).isGreaterThan(before);
    assertThat(Files.readString(rules.resolve("extra.drl"))).isEqualTo(EXTRA);
    assertThat(server.get("/api/v1/rules/extra.drl", admin).body()).isEqualTo(EXTRA);
    JsonArray versions = new JsonObject(server.get("/api/v1/rules/versions", admin).body()).getJsonArray("items");
    assertThat(versions.getJsonObject(0).getLong("version")).isEqualTo(added);
    assertThat(versions.getJsonObject(0).getString("author")).contains("put extra.drl");

    HttpResponse<String> rollback = server.post("/api/v1/rules/versions/" + before + "/activate", admin,
        "application/json", "");

    assertThat(rollback.statusCode()).isEqualTo(200);
    JsonObject restored = new JsonObject(rollback.body());
    assertThat(restored.getLong("version")).isGreaterThan(added);
    assertThat(restored.getString("contentHash")).isEqualTo(beforeHash);
    assertThat(rules.resolve("extra.drl")).doesNotExist();
  }

  @Test
  @Order(6)
  void runawayRules_failOneDecision_andTheServerKeepsServing() {
    HttpResponse<String> put = server.putText("/api/v1/rules/echo.drl", admin, """
        package playbook.echo
        import community.recommender.engine.model.*
        ruleflow-group "needs"

        rule "Start talking"
        when
            Group()
        then
            insert( new Note("hello") );
        end

        rule "Echo every note"
        when
            $n : Note()
        then
            insert( new Note($n.getMessage() + "!") );
        end
        """);
    assertThat(put.statusCode()).isEqualTo(200);

    HttpResponse<String> failed = server.get("/api/v1/groups/sh-coffee-lovers/suggestion", admin);

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(new JsonObject(failed.body()).getJsonObject("error").getString("message"))
        .contains("the active rule set failed this decision", "Echo every note");
    assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
    assertThat(server.delete("/api/v1/rules/echo.drl", admin).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/groups/sh-coffee-lovers/suggestion", admin).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(7)
  void editingAFileInTheRulesFolder_isPickedUp() throws Exception {
    long before = activeVersion();
    Path file = rules.resolve("playbook-settings.drl");

    Files.writeString(file, Files.readString(file).replace(".urgency(\"read\", 40)", ".urgency(\"read\", 41)"));

    await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
        .untilAsserted(() -> assertThat(activeVersion()).isGreaterThan(before));
    assertThat(server.get("/api/v1/rules/playbook-settings.drl", admin).body()).contains(".urgency(\"read\", 41)");
  }

  @Test
  @Order(20)
  void changeNotes_areKeptWithTheirVersions_andATooLongNoteIsRefusedNamingTheField() {
    String note = "先做活动：茶话会周 & tea week";
    HttpResponse<String> put = server.putText("/api/v1/rules/noted.drl?note="
        + java.net.URLEncoder.encode(note, java.nio.charset.StandardCharsets.UTF_8), admin, EXTRA.replace("extra", "noted"));
    assertThat(put.statusCode()).isEqualTo(200);
    long noted = new JsonObject(put.body()).getLong("version");

    HttpResponse<String> rollback = server.post("/api/v1/rules/versions/" + (noted - 1) + "/activate", admin,
        "application/json", new JsonObject().put("note", "undo the tea week").encode());
    long restored = new JsonObject(rollback.body()).getLong("version");
    HttpResponse<String> tooLong = server.putText("/api/v1/rules/noted.drl?note=" + "x".repeat(501), admin, EXTRA);

    JsonArray versions = new JsonObject(server.get("/api/v1/rules/versions", admin).body()).getJsonArray("items");
    assertThat(versions.getJsonObject(0).getLong("version")).isEqualTo(restored);
    assertThat(versions.getJsonObject(0).getString("note")).isEqualTo("undo the tea week");
    assertThat(versions.getJsonObject(1).getLong("version")).isEqualTo(noted);
    assertThat(versions.getJsonObject(1).getString("note")).isEqualTo(note);
    assertThat(new JsonObject(server.get("/api/v1/rules/versions/" + noted, admin).body()).getString("note")).isEqualTo(note);
    assertThat(tooLong.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(tooLong.body()).getJsonObject("error").getString("field")).isEqualTo("note");
    assertThat(activeVersion()).isEqualTo(restored);
  }

  private static long activeVersion() {
    return new JsonObject(server.get("/api/v1/rules", admin).body()).getLong("version");
  }
}

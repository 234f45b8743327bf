package community.recommender.web;

import community.recommender.web.cli.Main;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Bulk import of groups from CSV and JSON, over HTTP and through {@code recommender import --groups}. */
class GroupImportTest {
  private static final String IMPORT = "/api/v1/groups/import";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.onOwnDatabase();
  private static String operator;
  @TempDir Path dir;

  @BeforeAll
  static void tokens() {
    operator = server.token(Role.OPERATOR);
  }

  private static JsonObject portrait(String id) {
    HttpResponse<String> response = server.get("/api/v1/groups/" + id, operator);
    assertThat(response.statusCode()).as(id + ": " + response.body()).isEqualTo(200);
    return new JsonObject(response.body()).getJsonObject("portrait");
  }

  private static JsonObject error(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonObject("error");
  }

  @Test
  void csv_withListsAndAttributeColumns_createsEveryGroup() {
    String csv = """
        id,name,platform,type,interests,region,language,timezone,quietHours,memberCount,kocs,owner,labels,attributes.store,attributes.city
        csv-sh,上海咖啡,wecom,product,coffee|baking,CN-SH-Shanghai,zh,Asia/Shanghai,22:00-08:00,480,wx-li;wx-wang,store-0217,flagship|east,0217,"Shanghai, Pudong"
        csv-bj,Beijing Flowers,wechat,interest,flowers,CN-BJ-Beijing,zh,,,300,,,,,
        """;

    HttpResponse<String> response = server.post(IMPORT, operator, "text/csv; charset=utf-8", csv);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getInteger("created")).isEqualTo(2);
    JsonObject sh = portrait("csv-sh");
    assertThat(sh.getString("name")).isEqualTo("上海咖啡");
    assertThat(sh.getJsonArray("interests")).containsExactly("coffee", "baking");
    assertThat(sh.getJsonArray("kocs")).containsExactly("wx-li", "wx-wang");
    assertThat(sh.getInteger("kocCount")).isEqualTo(2);
    assertThat(sh.getJsonArray("labels")).containsExactly("flagship", "east");
    assertThat(sh.getJsonObject("attributes")).isEqualTo(new JsonObject().put("store", "0217")
        .put("city", "Shanghai, Pudong"));
    assertThat(sh.getInteger("memberCount")).isEqualTo(480);
    assertThat(portrait("csv-bj").getString("timezone")).isEqualTo("UTC");
    assertThat(portrait("csv-bj").getJsonObject("attributes")).isEmpty();
  }

  @Test
  void json_createsAndReplaces_andIsListed() {
    server.put("/api/v1/groups/json-b", operator, "{\"name\": \"before\"}");
    JsonArray groups = new JsonArray()
        .add(new JsonObject().put("id", "json-a").put("name", "A").put("region", "XJ-One").put("labels",
            new JsonArray().add("imported")))
        .add(new JsonObject().put("id", "json-b").put("name", "B").put("region", "XJ-Two"));

    HttpResponse<String> response = server.post(IMPORT, operator, "application/json", groups.encode());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body())).isEqualTo(new JsonObject().put("imported", 2).put("created", 1)
        .put("replaced", 1));
    assertThat(portrait("json-b").getString("name")).isEqualTo("B");
    JsonObject listed = new JsonObject(server.get("/api/v1/groups?region=XJ&band=DORMANT", operator).body());
    assertThat(listed.getLong("total")).isEqualTo(2);
  }

  @Test
  void csvWithBadLines_importsNothing_andNamesEveryLineAndField() {
    String csv = """
        id,name,platform,memberCount,timezone
        bad-ok,Fine,wecom,10,Asia/Shanghai
        bad-platform,Wrong,myspace,10,
        bad-count,Negative,slack,-4,

        bad-zone,Lost,slack,3,Mars/Olympus
        bad-ok,Twice,slack,3,
        """;

    HttpResponse<String> response = server.post(IMPORT, operator, "text/csv", csv);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(error(response).getString("message")).contains("4 of 5", "nothing was imported");
    JsonArray problems = error(response).getJsonArray("problems");
    assertThat(problems.stream().map(p -> ((JsonObject) p).getInteger("line") + ":" + ((JsonObject) p)
        .getString("field"))).containsExactly("3:platform", "4:memberCount", "6:timezone", "7:id");
    assertThat(server.get("/api/v1/groups/bad-ok", operator).statusCode()).isEqualTo(404);
  }

  @Test
  void jsonWithBadRows_namesTheRow() {
    String body = "[{\"id\": \"row-ok\", \"name\": \"ok\"}, {\"id\": \"bad id!\", \"name\": \"x\"},"
        + " {\"id\": \"row-3\", \"name\": \"x\", \"quietHours\": \"late\"}, {\"name\": \"no id\"},"
        + " {\"id\": 17, \"name\": \"numbered\"}]";

    HttpResponse<String> response = server.post(IMPORT, operator, "application/json", body);

    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(error(response).getJsonArray("problems").stream().map(p -> ((JsonObject) p).getInteger("row") + ":"
        + ((JsonObject) p).getString("field"))).containsExactly("2:id", "3:quietHours", "4:id", "5:id");
    assertThat(server.get("/api/v1/groups/row-ok", operator).statusCode()).isEqualTo(404);
  }

  @Test
  void unknownColumn_wrongTypeMalformedFilesAndBots_areRefused() {
    HttpResponse<String> column = server.post(IMPORT, operator, "text/csv", "id,name,members\nx,y,3\n");
    HttpResponse<String> missingName = server.post(IMPORT, operator, "text/csv", "id,platform\nx,wecom\n");
    HttpResponse<String> openQuote = server.post(IMPORT, operator, "text/csv", "id,name\nx,\"unclosed\n");
    HttpResponse<String> xml = server.post(IMPORT, operator, "application/xml", "<groups/>");
    HttpResponse<String> brokenJson = server.post(IMPORT, operator, "application/json", "[{\"id\": ");
    HttpResponse<String> object = server.post(IMPORT, operator, "application/json", "{\"id\": \"x\"}");
    HttpResponse<String> empty = server.post(IMPORT, operator, "application/json", "[]");
    HttpResponse<String> bot = server.post(IMPORT, server.token(Role.BOT), "application/json",
        "[{\"id\": \"by-bot\", \"name\": \"x\"}]");

    assertThat(column.statusCode()).isEqualTo(422);
    assertThat(error(column).getString("field")).isEqualTo("members");
    assertThat(missingName.statusCode()).isEqualTo(422);
    assertThat(error(missingName).getString("field")).isEqualTo("name");
    assertThat(openQuote.statusCode()).isEqualTo(400);
    assertThat(xml.statusCode()).isEqualTo(415);
    assertThat(brokenJson.statusCode()).isEqualTo(400);
    assertThat(object.statusCode()).isEqualTo(400);
    assertThat(empty.statusCode()).isEqualTo(422);
    assertThat(bot.statusCode()).isEqualTo(403);
  }

  @Test
  void fileLargerThanOrdinaryBodies_isImportedWhole() {
    StringBuilder csv = new StringBuilder("id,name,region,memberCount,labels,attributes.note\n");
    String note = "x".repeat(200);
    for (int i = 0; i < 6000; i++) {
      csv.append("big-").append(i).append(",Store ").append(i).append(",XB-Big,").append(i).append(",bulk,")
          .append(note).append('\n');
    }
    assertThat(csv.length()).isGreaterThan(1024 * 1024);

    HttpResponse<String> response = server.post(IMPORT, operator, "text/csv", csv.toString());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(new JsonObject(response.body()).getInteger("imported")).isEqualTo(6000);
    assertThat(new JsonObject(server.get("/api/v1/groups?region=XB&band=DORMANT", operator).body()).getLong("total"))
        .isEqualTo(6000);
  }

  @Test
  void importGroupsCommand_importsGoodFiles_reportsBadOnes_andExitsNonZero() throws Exception {
    Path good = Files.writeString(dir.resolve("good.csv"), "id,name\ncli-1,One\ncli-2,Two\n");
    Path alsoGood = Files.writeString(dir.resolve("more.json"), "[{\"id\": \"cli-3\", \"name\": \"Three\"}]");
    Path bad = Files.writeString(dir.resolve("bad.csv"), "id,name,platform\ncli-4,Four,myspace\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int exit = Main.run(new String[] {"import", "--groups", "--server", server.url(), "--token", operator,
        good.toString(), bad.toString(), alsoGood.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("good.csv: 2 groups imported", "more.json: 1 groups imported",
        "bad.csv: rejected", "line 2, platform");
    assertThat(out.toString()).contains("2 of 3 files imported: 3 groups created");
    assertThat(portrait("cli-3").getString("name")).isEqualTo("Three");
    assertThat(server.get("/api/v1/groups/cli-4", operator).statusCode()).isEqualTo(404);
  }

  @Test
  void importGroupsCommand_exitsZeroWhenEverythingIsImported() throws Exception {
    Path good = Files.writeString(dir.resolve("all-good.csv"), "id,name\ncli-ok,Fine\n");
    StringWriter err = new StringWriter();

    int exit = Main.run(new String[] {"import", "--groups", "--server", server.url(), "--token", operator,
        good.toString()}, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));

    assertThat(exit).as(err.toString()).isZero();
  }
}

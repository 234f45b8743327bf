package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sends the engine did not suggest, reported over HTTP, count against the group's quotas. */
class ExternalSendsApiTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void sendsByOthers_useUpTheDailyQuota_andAReportAgainReplacesTheCount() {
    String group = wecomGroup("others-daily", "\"dailySendQuota\": \"1\"");
    String today = LocalDate.ofInstant(TestServer.now(), SHANGHAI).toString();
    assertThat(server.get("/api/v1/groups/" + group + "/suggestion", admin).statusCode()).isEqualTo(200);

    HttpResponse<String> reported = report(group, admin, "{\"date\": \"" + today + "\", \"count\": 1, \"source\": \"crm\"}");
    HttpResponse<String> held = server.get("/api/v1/groups/" + group + "/suggestion?explain=true", admin);

    assertThat(reported.statusCode()).isEqualTo(200);
    assertThat(new JsonObject(reported.body())).isEqualTo(new JsonObject().put("groupId", group).put("date", today)
        .put("source", "crm").put("count", 1));
    JsonObject silence = new JsonObject(held.body());
    assertThat(silence.getString("status")).isEqualTo("held");
    assertThat(silence.getJsonArray("reasons").getJsonObject(0).getString("rule"))
        .isEqualTo("Keep within the group's daily send quota, counting every sender");
    assertThat(silence.getString("until")).isEqualTo(LocalDate.parse(today).plusDays(1).atStartOfDay(SHANGHAI)
        .toInstant().toString());

    assertThat(report(group, admin, "{\"date\": \"" + today + "\", \"count\": 0, \"source\": \"crm\"}").statusCode())
        .isEqualTo(200);
    assertThat(server.get("/api/v1/groups/" + group + "/suggestion", admin).statusCode()).isEqualTo(200);
  }

  @Test
  void weComMonthlyQuota_countsEverySender() {
    String group = wecomGroup("others-monthly", "\"minGapMinutes\": \"1\"");
    LocalDate first = LocalDate.ofInstant(TestServer.now(), SHANGHAI).withDayOfMonth(1);

    report(group, admin, "{\"date\": \"" + first + "\", \"count\": 20, \"source\": \"members\"}");
    report(group, admin, "{\"date\": \"" + first.plusDays(1) + "\", \"count\": 10, \"source\": \"crm\"}");
    JsonObject silence = new JsonObject(server.get("/api/v1/groups/" + group + "/suggestion?explain=true", admin).body());

    assertThat(silence.getJsonArray("reasons").getJsonObject(0).getString("rule"))
        .isEqualTo("Never exceed the platform's monthly send quota");
    assertThat(silence.getJsonArray("reasons").getJsonObject(0).getString("message"))
        .contains("quota of 30", "30 messages from every sender");
  }

  @Test
  void badReports_are4xxNamingTheField() {
    String group = wecomGroup("others-bad", "\"minGapMinutes\": \"1\"");
    String outsider = server.createToken(admin, "bot", "some-other-group");

    assertThat(field(report(group, admin, "{\"date\": \"2026-11-23\", \"count\": -1}"), 422)).isEqualTo("count");
    assertThat(field(report(group, admin, "{\"date\": \"yesterday\", \"count\": 1}"), 422)).isEqualTo("date");
    assertThat(field(report(group, admin, "{\"date\": \"2020-01-01\", \"count\": 1}"), 422)).isEqualTo("date");
    assertThat(field(report(group, admin, "{\"count\": 1}"), 422)).isEqualTo("date");
    assertThat(field(report(group, admin, "{\"date\": \"2026-11-23\", \"count\": 1, \"source\": \"a b\"}"), 422))
        .isEqualTo("source");
    assertThat(field(report(group, admin, "{\"date\": \"2026-11-23\", \"count\": 1, \"who\": 1}"), 422))
        .isEqualTo("who");
    assertThat(report("no-such-group", admin, "{\"date\": \"2026-11-23\", \"count\": 1}").statusCode()).isEqualTo(404);
    assertThat(report(group, outsider, "{\"date\": \"2026-11-23\", \"count\": 1}").statusCode()).isEqualTo(403);
  }

  private static String wecomGroup(String id, String attributes) {
    assertThat(server.put("/api/v1/groups/" + id, admin, "{\"name\": \"" + id + "\", \"platform\": \"wecom\","
        + " \"interests\": [\"coffee\"], \"region\": \"CN-SH-Shanghai\", \"language\": \"zh\","
        + " \"timezone\": \"Asia/Shanghai\", \"attributes\": {" + attributes + "}}").statusCode()).isEqualTo(201);
    return id;
  }

  private static HttpResponse<String> report(String group, String token, String body) {
    return server.postJson("/api/v1/groups/" + group + "/sends", token, body);
  }

  private static String field(HttpResponse<String> answer, int status) {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return new JsonObject(answer.body()).getJsonObject("error").getString("field");
  }
}

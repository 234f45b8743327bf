package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * WeCom's owner confirmation reported as feedback: each step idempotent, a suggestion awaiting
 * confirmation counting as sent for pacing, an expired or cancelled one released.
 */
class WeComConfirmationTest {
  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void awaitingConfirmation_holdsTheGroup_andExpiryReleasesIt() {
    String group = wecomGroup("wecom-expiry");
    String bot = server.createToken(admin, "bot", group);
    String id = claim(group, bot);

    JsonObject created = report(id, bot, "task_created", 200);
    JsonObject awaiting = report(id, bot, "awaiting_confirmation", 200);
    JsonObject again = report(id, bot, "awaiting_confirmation", 200);
    JsonObject late = report(id, bot, "task_created", 200);

    assertThat(created.getString("outcome")).isEqualTo("task_created");
    assertThat(awaiting.getString("outcome")).isEqualTo("awaiting_confirmation");
    assertThat(again).isEqualTo(awaiting);
    assertThat(late).as("a step reported late changes nothing").isEqualTo(awaiting);
    assertThat(server.get("/api/v1/groups/" + group + "/suggestion", bot).statusCode())
        .as("awaiting confirmation counts as sent: pacing holds the group").isEqualTo(204);

    assertThat(report(id, bot, "expired", 200).getString("outcome")).isEqualTo("expired");
    assertThat(report(id, bot, "expired", 200).getString("outcome")).isEqualTo("expired");
    assertThat(server.get("/api/v1/groups/" + group + "/suggestion", bot).statusCode())
        .as("an expired task is released: the group may be sent something now").isEqualTo(200);
  }

  @Test
  void cancelledTask_isReleasedToo() {
    String group = wecomGroup("wecom-cancelled");
    String bot = server.createToken(admin, "bot", group);
    String id = claim(group, bot);

    report(id, bot, "awaiting_confirmation", 200);
    report(id, bot, "cancelled", 200);

    assertThat(server.get("/api/v1/groups/" + group + "/suggestion", bot).statusCode()).isEqualTo(200);
  }

  @Test
  void sentIsRecordedAsPosted_andKeepsHoldingTheGroup_andAContradictionIs409() {
    String group = wecomGroup("wecom-sent");
    String bot = server.createToken(admin, "bot", group);
    String id = claim(group, bot);

    report(id, bot, "task_created", 200);
    report(id, bot, "awaiting_confirmation", 200);
    JsonObject sent = report(id, bot, "sent", 200);
    JsonObject expired = report(id, bot, "expired", 409);

    assertThat(sent.getString("outcome")).isEqualTo("posted");
    assertThat(sent.getString("postedAt")).isNotNull();
    assertThat(report(id, bot, "awaiting_confirmation", 200)).as("late step").isEqualTo(sent);
    assertThat(expired.getJsonObject("error").getString("field")).isEqualTo("outcome");
    assertThat(server.get("/api/v1/groups/" + group + "/suggestion", bot).statusCode()).isEqualTo(204);
  }

  @Test
  void unknownOutcome_is422NamingTheStepsAllowed() {
    String group = wecomGroup("wecom-unknown");
    String bot = server.createToken(admin, "bot", group);
    String id = claim(group, bot);

    JsonObject error = report(id, bot, "confirmed", 422).getJsonObject("error");

    assertThat(error.getString("field")).isEqualTo("outcome");
    assertThat(error.getString("message")).contains("awaiting_confirmation", "expired", "cancelled");
  }

  private static String wecomGroup(String id) {
    assertThat(server.put("/api/v1/groups/" + id, admin, "{\"name\": \"" + id + "\", \"platform\": \"wecom\","
        + " \"interests\": [\"coffee\"], \"region\": \"CN-SH-Shanghai\", \"language\": \"zh\"}").statusCode())
        .isEqualTo(201);
    return id;
  }

  private static String claim(String group, String bot) {
    HttpResponse<String> poll = server.get("/api/v1/groups/" + group + "/suggestion", bot);
    assertThat(poll.statusCode()).isEqualTo(200);
    return new JsonObject(poll.body()).getString("id");
  }

  private static JsonObject report(String id, String bot, String outcome, int status) {
    HttpResponse<String> answer = server.postJson("/api/v1/suggestions/" + id + "/feedback", bot,
        "{\"outcome\": \"" + outcome + "\"}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
    return new JsonObject(answer.body());
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /api/v1/groups/{groupId}/activity} over HTTP, against a real PostgreSQL. */
class ActivityReportsApiTest {
  private static final String JSON = "application/json";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.onOwnDatabase();
  private static String operator;
  private static Instant hour;

  @BeforeAll
  static void start() {
    operator = server.token(Role.OPERATOR);
    hour = TestServer.now().truncatedTo(ChronoUnit.HOURS);
  }

  private static void createGroup(String id, int members) {
    HttpResponse<String> created = server.put("/api/v1/groups/" + id, operator,
        new JsonObject().put("name", id).put("memberCount", members).encode());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static JsonObject window(Instant from, Instant to, long messages) {
    return new JsonObject().put("from", from.toString()).put("to", to.toString()).put("messages", messages)
        .put("activeMembers", 3).put("joins", 1).put("reactions", 4).put("complaints", 1);
  }

  private static JsonObject hoursAgo(int start, int end, long messages) {
    return window(hour.minus(Duration.ofHours(start)), hour.minus(Duration.ofHours(end)), messages);
  }

  private static HttpResponse<String> report(String id, String token, Object body) {
    return server.post("/api/v1/groups/" + id + "/activity", token, JSON,
        body instanceof JsonObject o ? o.encode() : ((JsonArray) body).encode());
  }

  private static JsonObject activity(String id) {
    HttpResponse<String> group = server.get("/api/v1/groups/" + id, operator);
    assertThat(group.statusCode()).as(group.body()).isEqualTo(200);
    return new JsonObject(group.body()).getJsonObject("activity");
  }

  private static String field(HttpResponse<String> response) {
    return new JsonObject(response.body()).getJsonObject("error").getString("field");
  }

  @Test
  void report_isSummedIntoTheLastSevenDays_andAnswersTheFreshActivity() {
    createGroup("summed", 100);

    HttpResponse<String> first = report("summed", operator, hoursAgo(3, 2, 6));
    HttpResponse<String> second = report("summed", operator, hoursAgo(2, 1, 4));

    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(new JsonObject(first.body()).getInteger("added")).isEqualTo(1);
    JsonObject answer = new JsonObject(second.body());
    assertThat(answer.getJsonObject("activity").getJsonObject("last7Days").getLong("messages")).isEqualTo(10);
    // 10 messages and 8 reactions from 100 members: 50 * 14 / 100 = 7.
    assertThat(answer.getJsonObject("activity").getInteger("level")).isEqualTo(7);
    assertThat(answer.getJsonObject("activity").getString("band")).isEqualTo("QUIET");
    assertThat(activity("summed").getJsonObject("last7Days").getLong("reactions")).isEqualTo(8);
  }

  @Test
  void report_countsTowardThePeriodItsWindowEndsIn() {
    createGroup("boundaries", 100);
    int week = 7 * 24;
    int month = 28 * 24;

    report("boundaries", operator, hoursAgo(week + 1, week, 1));
    report("boundaries", operator, hoursAgo(week, week - 1, 10));
    report("boundaries", operator, hoursAgo(month + 1, month, 100));
    report("boundaries", operator, hoursAgo(month, month - 1, 1000));

    assertThat(activity("boundaries").getJsonObject("last7Days").getLong("messages")).isEqualTo(10);
    assertThat(activity("boundaries").getJsonObject("last28Days").getLong("messages")).isEqualTo(1011);
  }

  @Test
  void resentWindow_replacesItsCounts_neverDoubleCounts() {
    createGroup("resent", 100);
    report("resent", operator, hoursAgo(5, 4, 30));

    HttpResponse<String> again = report("resent", operator, hoursAgo(5, 4, 30));
    HttpResponse<String> corrected = report("resent", operator, hoursAgo(5, 4, 12));

    assertThat(new JsonObject(again.body()).getInteger("replaced")).isEqualTo(1);
    assertThat(new JsonObject(again.body()).getInteger("added")).isZero();
    assertThat(corrected.statusCode()).isEqualTo(200);
    assertThat(activity("resent").getJsonObject("last7Days").getLong("messages")).isEqualTo(12);
    assertThat(activity("resent").getJsonObject("last28Days").getLong("messages")).isEqualTo(12);
  }

  @Test
  void windowsOutOfOrder_addUpAsInOrder() {
    createGroup("in-order", 50);
    createGroup("out-of-order", 50);
    List<JsonObject> windows = List.of(hoursAgo(300, 299, 5), hoursAgo(30, 29, 7), hoursAgo(2, 1, 11),
        hoursAgo(600, 599, 13));

    windows.forEach(w -> report("in-order", operator, w));
    for (int i = windows.size() - 1; i >= 0; i--) {
      report("out-of-order", operator, windows.get(i));
    }
    report("out-of-order", operator, new JsonArray(List.of(windows.get(1), windows.get(0))));

    assertThat(activity("out-of-order")).isEqualTo(activity("in-order"));
    assertThat(activity("in-order").getJsonObject("last7Days").getLong("messages")).isEqualTo(18);
    assertThat(activity("in-order").getJsonObject("last28Days").getLong("messages")).isEqualTo(36);
  }

  @Test
  void windowOverlappingAStoredOne_isRefusedNamingFrom_andTouchingWindowsAreFine() {
    createGroup("overlaps", 100);
    report("overlaps", operator, hoursAgo(10, 8, 20));

    HttpResponse<String> overlapping = report("overlaps", operator, hoursAgo(9, 7, 5));
    HttpResponse<String> inside = report("overlaps", operator, hoursAgo(9, 8, 5));
    HttpResponse<String> touching = report("overlaps", operator, hoursAgo(8, 7, 5));

    assertThat(overlapping.statusCode()).isEqualTo(422);
    assertThat(field(overlapping)).isEqualTo("from");
    assertThat(new JsonObject(overlapping.body()).getJsonObject("error").getString("message")).contains("overlaps");
    assertThat(inside.statusCode()).isEqualTo(422);
    assertThat(touching.statusCode()).isEqualTo(200);
    assertThat(activity("overlaps").getJsonObject("last7Days").getLong("messages")).isEqualTo(25);
  }

  @Test
  void batchWithOneBadWindow_isRefusedWhole_namingItsIndex() {
    createGroup("batch", 100);
    report("batch", operator, hoursAgo(20, 19, 1));

    HttpResponse<String> negative = report("batch", operator,
        new JsonArray().add(hoursAgo(3, 2, 10)).add(hoursAgo(2, 1, 10).put("leaves", -1)));
    HttpResponse<String> overlapsStored = report("batch", operator,
        new JsonArray().add(hoursAgo(3, 2, 10)).add(hoursAgo(20, 18, 10)));
    HttpResponse<String> overlapsItself = report("batch", operator,
        new JsonArray().add(hoursAgo(4, 2, 10)).add(hoursAgo(3, 1, 10)));

    assertThat(negative.statusCode()).isEqualTo(422);
    assertThat(field(negative)).isEqualTo("[1].leaves");
    assertThat(overlapsStored.statusCode()).isEqualTo(422);
    assertThat(field(overlapsStored)).isEqualTo("[1].from");
    assertThat(overlapsItself.statusCode()).isEqualTo(422);
    assertThat(field(overlapsItself)).isEqualTo("[1].from");
    assertThat(activity("batch").getJsonObject("last7Days").getLong("messages")).isEqualTo(1);
  }

  @Test
  void eachInvalidReport_isRefusedNamingItsField_andChangesNothing() {
    createGroup("refusals", 100);
    report("refusals", operator, hoursAgo(2, 1, 9));
    JsonObject before = activity("refusals");
    record Case(String body, int status, String field) {}
    List<Case> cases = List.of(
        new Case("{not json", 400, null),
        new Case("\"a string\"", 400, null),
        new Case(hoursAgo(4, 3, -1).encode(), 422, "messages"),
        new Case(hoursAgo(4, 3, 1).put("orders", 2.5).encode(), 422, "orders"),
        new Case(hoursAgo(4, 3, 1).put("clicks", "many").encode(), 422, "clicks"),
        new Case(hoursAgo(3, 4, 1).encode(), 422, "to"),
        new Case(hoursAgo(4, 4, 1).encode(), 422, "to"),
        new Case(hoursAgo(4, 3, 1).put("from", "yesterday").encode(), 422, "from"),
        new Case(hoursAgo(4, 3, 1).put("from", "2026-06-01T10:00:00").encode(), 422, "from"),
        new Case(hoursAgo(4, 3, 1).putNull("to").encode(), 422, "to"),
        new Case(hoursAgo(24 * 9, 24, 1).encode(), 422, "to"),
        new Case(hoursAgo(1, -2, 1).encode(), 422, "to"),
        new Case(hoursAgo(4, 3, 1).put("message", 3).encode(), 422, "message"),
        new Case("[]", 422, "[0]"));

    for (Case c : cases) {
      HttpResponse<String> response = server.post("/api/v1/groups/refusals/activity", operator, JSON, c.body());
      assertThat(response.statusCode()).as(c.body()).isEqualTo(c.status());
      assertThat(new JsonObject(response.body()).getJsonObject("error").getString("message")).isNotBlank();
      assertThat(field(response)).as(c.body()).isEqualTo(c.field());
    }
    assertThat(activity("refusals")).isEqualTo(before);
  }

  @Test
  void reportForAnUnknownGroup_gets404() {
    HttpResponse<String> response = report("nobody-here", operator, hoursAgo(2, 1, 1));

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void botToken_reportsForItsOwnGroups_andGets403ForAnother() {
    createGroup("bot-home", 100);
    createGroup("bot-elsewhere", 100);
    String bot = server.database().token(Role.BOT, List.of("bot-home"));

    HttpResponse<String> own = report("bot-home", bot, hoursAgo(2, 1, 3));
    HttpResponse<String> other = report("bot-elsewhere", bot, hoursAgo(2, 1, 3));
    HttpResponse<String> portrait = server.put("/api/v1/groups/bot-home", bot, "{\"name\": \"taken over\"}");
    HttpResponse<String> readOther = server.get("/api/v1/groups/bot-elsewhere", bot);
    JsonArray listed = new JsonObject(server.get("/api/v1/groups", bot).body()).getJsonArray("items");

    assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
    assertThat(other.statusCode()).isEqualTo(403);
    assertThat(portrait.statusCode()).isEqualTo(403);
    assertThat(readOther.statusCode()).isEqualTo(403);
    assertThat(listed).extracting(g -> ((JsonObject) g).getString("id")).containsExactly("bot-home");
    assertThat(activity("bot-elsewhere").getJsonObject("last7Days").getLong("messages")).isZero();
  }

  @Test
  void editorToken_cannotReport() {
    createGroup("editors-not-welcome", 10);
    String editor = server.token(Role.EDITOR);

    assertThat(report("editors-not-welcome", editor, hoursAgo(2, 1, 1)).statusCode()).isEqualTo(403);
  }
}

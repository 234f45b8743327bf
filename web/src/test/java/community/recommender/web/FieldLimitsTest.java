package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every documented field limit, breached once each against the real server: each breach answers
 * 400, 413 or 422 naming the field, never 500, and the server keeps serving.
 */
class FieldLimitsTest {
  private static final String NUL = "\\u0000";
  private static final String GROUP = "sh-coffee-lovers";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;
  private static String operator;
  private static String editor;
  private static String bot;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
    operator = server.token(Role.OPERATOR);
    editor = server.token(Role.EDITOR);
    bot = server.token(Role.BOT);
  }

  /** One request that breaks one limit, and the field its answer must name. */
  record Breach(String what, String method, String path, Who who, String contentType, String body, String field) {
    @Override
    public String toString() {
      return what;
    }
  }

  enum Who { ADMIN, OPERATOR, EDITOR, BOT }

  static Stream<Breach> breaches() {
    List<Breach> all = new ArrayList<>();
    // Portraits: PUT /api/v1/groups/{groupId}
    all.add(portrait("NUL in name", "{\"name\": \"a" + NUL + "b\"}", "name"));
    all.add(portrait("owner of 900 KB", "{\"name\": \"g\", \"owner\": \"" + "o".repeat(900_000) + "\"}", "owner"));
    all.add(portrait("NUL in owner", "{\"name\": \"g\", \"owner\": \"a" + NUL + "\"}", "owner"));
    all.add(portrait("100k labels", "{\"name\": \"g\", \"labels\": " + list(100_000, "l") + "}", "labels"));
    all.add(portrait("a label of 1,000 characters", "{\"name\": \"g\", \"labels\": [\"" + "l".repeat(1000) + "\"]}",
        "labels"));
    all.add(portrait("NUL in a label", "{\"name\": \"g\", \"labels\": [\"a" + NUL + "\"]}", "labels"));
    all.add(portrait("2,000 interests", "{\"name\": \"g\", \"interests\": " + list(2000, "i") + "}", "interests"));
    all.add(portrait("20k kocs", "{\"name\": \"g\", \"kocs\": " + list(20_000, "k") + "}", "kocs"));
    all.add(portrait("a koc of 1,000 characters", "{\"name\": \"g\", \"kocs\": [\"" + "k".repeat(1000) + "\"]}", "kocs"));
    all.add(portrait("region of 300 characters", "{\"name\": \"g\", \"region\": \"CN-" + "x".repeat(300) + "\"}",
        "region"));
    all.add(portrait("1,000 attributes", "{\"name\": \"g\", \"attributes\": " + attributes(1000) + "}", "attributes"));
    all.add(portrait("an attribute name of 500 characters",
        "{\"name\": \"g\", \"attributes\": {\"" + "a".repeat(500) + "\": \"v\"}}", "attributes"));
    all.add(portrait("an attribute value of 10,000 characters",
        "{\"name\": \"g\", \"attributes\": {\"tier\": \"" + "v".repeat(10_000) + "\"}}", "attributes.tier"));
    all.add(portrait("NUL in an attribute value", "{\"name\": \"g\", \"attributes\": {\"tier\": \"a" + NUL + "\"}}",
        "attributes.tier"));
    all.add(portrait("NUL in an attribute name", "{\"name\": \"g\", \"attributes\": {\"ti" + NUL + "er\": \"a\"}}",
        "attributes"));
    all.add(portrait("startedAt in year -200000", "{\"name\": \"g\", \"startedAt\": \"-200000-01-01T00:00:00Z\"}",
        "startedAt"));
    all.add(portrait("startedAt in year 20000", "{\"name\": \"g\", \"startedAt\": \"+20000-01-01T00:00:00Z\"}",
        "startedAt"));
    // Activity: POST /api/v1/groups/{groupId}/activity
    all.add(activity("messages of 2^63-1", "\"messages\": " + Long.MAX_VALUE, "messages"));
    all.add(activity("complaints above the per-window maximum", "\"complaints\": 2000000000", "complaints"));
    all.add(new Breach("activity from in year -200000", "POST", "/api/v1/groups/" + GROUP + "/activity", Who.BOT,
        "application/json", "{\"from\": \"-200000-01-01T00:00:00Z\", \"to\": \"2026-11-23T09:00:00Z\"}", "from"));
    all.add(new Breach("activity from with NUL", "POST", "/api/v1/groups/" + GROUP + "/activity", Who.BOT,
        "application/json", "{\"from\": \"2026" + NUL + "\", \"to\": \"2026-11-23T09:00:00Z\"}", "from"));
    // Group list and import
    all.add(new Breach("NUL in a group id in the path", "GET", "/api/v1/groups/sh%00coffee", Who.OPERATOR, null, null,
        "path"));
    all.add(new Breach("NUL in a label filter", "GET", "/api/v1/groups?label=a%00b", Who.OPERATOR, null, null, "label"));
    all.add(new Breach("a label filter of 1,000 characters", "GET", "/api/v1/groups?label=" + "l".repeat(1000),
        Who.OPERATOR, null, null, "label"));
    all.add(new Breach("NUL in a CSV cell", "POST", "/api/v1/groups/import", Who.OPERATOR, "text/csv",
        "id,name,owner\ng-1,Tea,own\u0000er\n", "owner"));
    all.add(new Breach("NUL in a JSON import", "POST", "/api/v1/groups/import", Who.OPERATOR, "application/json",
        "[{\"id\": \"g-1\", \"name\": \"T" + NUL + "\"}]", "name"));
    // Tokens
    all.add(new Breach("NUL in a token name", "POST", "/api/v1/tokens", Who.ADMIN, "application/json",
        "{\"role\": \"bot\", \"name\": \"a" + NUL + "\"}", "name"));
    all.add(new Breach("a token limited to 20k groups", "POST", "/api/v1/tokens", Who.ADMIN, "application/json",
        "{\"role\": \"bot\", \"groups\": " + list(20_000, "g") + "}", "groups"));
    // Feedback
    all.add(feedback("postedAt in year -200000", "{\"outcome\": \"posted\", \"postedAt\": \"-200000-01-01T00:00:00Z\"}",
        "postedAt"));
    all.add(feedback("clicks of 2^63-1", "{\"outcome\": \"posted\", \"metrics\": {\"clicks\": " + Long.MAX_VALUE + "}}",
        "metrics.clicks"));
    all.add(new Breach("stats since year -200000", "GET", "/api/v1/stats?since=-200000-01-01T00:00:00Z",
        Who.OPERATOR, null, null, "since"));
    // Content
    all.add(content("NUL in a title", "\"title\": \"a" + NUL + "\"", "title"));
    all.add(content("NUL in a body", "\"title\": \"t\", \"body\": \"a" + NUL + "b\"", "body"));
    all.add(content("NUL in a tag", "\"title\": \"t\", \"tags\": [\"a" + NUL + "\"]", "tags"));
    all.add(content("validFrom in year -200000", "\"title\": \"t\", \"validFrom\": \"-200000-01-01T00:00:00Z\"",
        "validFrom"));
    all.add(new Breach("NUL in a CSV content cell", "POST", "/api/v1/content/uploads", Who.EDITOR,
        "multipart/form-data; boundary=XYZ", multipart("items.csv",
            "id,kind,title,language,status,body\nnul-item,POST,Ti\u0000tle,en,published,text\n"), "title"));
    all.add(new Breach("a search of 600 words", "GET", "/api/v1/content?q=" + URLEncoder.encode(
        IntStream.range(0, 600).mapToObj(i -> "w" + i).collect(Collectors.joining(" ")), StandardCharsets.UTF_8),
        Who.EDITOR, null, null, "q"));
    all.add(new Breach("a search of 2,000 characters", "GET", "/api/v1/content?q=" + "q".repeat(2000), Who.EDITOR,
        null, null, "q"));
    all.add(new Breach("NUL in a search", "GET", "/api/v1/content?q=tea%00", Who.EDITOR, null, null, "q"));
    all.add(new Breach("validAt in year -200000", "GET", "/api/v1/content?validAt=-200000-01-01T00:00:00Z", Who.EDITOR,
        null, null, "validAt"));
    // Rules
    all.add(new Breach("a DRL nested 1,000 deep", "PUT", "/api/v1/rules/deep.drl", Who.OPERATOR,
        "text/plain; charset=utf-8", "package community.recommender.rules;\nrule \"deep\"\nwhen\n  eval("
            + "(".repeat(1000) + "true" + ")".repeat(1000) + ")\nthen\nend\n", null));
    all.add(new Breach("NUL in a DRL file", "PUT", "/api/v1/rules/nul.drl", Who.OPERATOR,
        "text/plain; charset=utf-8", "package community.recommender.rules;\n// \u0000\n", null));
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("breaches")
  void eachBreach_isRefusedNamingTheField_andNeverAnswers500(Breach breach) {
    HttpResponse<String> answer = send(breach);

    assertThat(answer.statusCode()).as(breach.what() + ": " + abbreviated(answer.body())).isIn(400, 413, 422);
    if (breach.field() != null) {
      JsonObject error = new JsonObject(answer.body()).getJsonObject("error");
      assertThat(named(error)).as(answer.body()).contains(breach.field());
    }
    assertThat(server.get("/health", null).statusCode()).isEqualTo(200);
  }

  @Test
  void aRefusedPortraitOrItem_storesNothing() {
    breaches().filter(b -> b.path().equals("/api/v1/groups/limits-group") || b.path().equals("/api/v1/content"))
        .forEach(breach -> assertThat(send(breach).statusCode()).as(breach.what()).isIn(400, 413, 422));

    assertThat(server.get("/api/v1/groups/limits-group", operator).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/content/limits-item", editor).statusCode()).isEqualTo(404);
  }

  @Test
  void countsNearTheLongMaximum_neverOverflowTheActivitySums() {
    String group = "overflow-group";
    assertThat(server.put("/api/v1/groups/" + group, operator, "{\"name\": \"Overflow\"}").statusCode()).isEqualTo(201);
    JsonArray windows = new JsonArray();
    for (int day = 1; day <= 7; day++) {
      windows.add(new JsonObject().put("from", "2026-11-%02dT00:00:00Z".formatted(15 + day))
          .put("to", "2026-11-%02dT00:00:00Z".formatted(16 + day)).put("messages", Long.MAX_VALUE / 4));
    }
    HttpResponse<String> refused = server.postJson("/api/v1/groups/" + group + "/activity", bot, windows.encode());
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(new JsonObject(refused.body()).getJsonObject("error").getString("field")).isEqualTo("[0].messages");

    JsonArray largest = new JsonArray();
    for (int day = 1; day <= 7; day++) {
      largest.add(new JsonObject().put("from", "2026-11-%02dT00:00:00Z".formatted(15 + day))
          .put("to", "2026-11-%02dT00:00:00Z".formatted(16 + day)).put("messages", 1_000_000_000L)
          .put("activeMembers", 1_000_000_000L));
    }
    HttpResponse<String> accepted = server.postJson("/api/v1/groups/" + group + "/activity", bot, largest.encode());

    assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
    JsonObject activity = new JsonObject(accepted.body()).getJsonObject("activity");
    assertThat(activity.getJsonObject("last7Days").getLong("messages")).isEqualTo(7_000_000_000L);
    assertThat(activity.getInteger("level")).isBetween(0, 100);
  }

  private static HttpResponse<String> send(Breach breach) {
    String token = switch (breach.who()) {
      case ADMIN -> admin;
      case OPERATOR -> operator;
      case EDITOR -> editor;
      case BOT -> bot;
    };
    return switch (breach.method()) {
      case "GET" -> server.get(breach.path(), token);
      case "PUT" -> breach.contentType().startsWith("text/plain") ? server.putText(breach.path(), token, breach.body())
          : server.put(breach.path(), token, breach.body());
      case "POST" -> server.post(breach.path(), token, breach.contentType(), breach.body());
      default -> throw new IllegalArgumentException(breach.method());
    };
  }

  /** The field an error names, with the fields of its problems. */
  private static String named(JsonObject error) {
    StringBuilder fields = new StringBuilder(String.valueOf(error.getString("field")));
    JsonArray problems = error.getJsonArray("problems");
    if (problems != null) {
      problems.forEach(p -> fields.append(' ').append(((JsonObject) p).getString("field")));
    }
    return fields.toString();
  }

  private static Breach portrait(String what, String body, String field) {
    return new Breach(what, "PUT", "/api/v1/groups/limits-group", Who.OPERATOR, "application/json", body, field);
  }

  private static Breach activity(String what, String counts, String field) {
    return new Breach(what, "POST", "/api/v1/groups/" + GROUP + "/activity", Who.BOT, "application/json",
        "{\"from\": \"2026-11-22T00:00:00Z\", \"to\": \"2026-11-23T00:00:00Z\", " + counts + "}", field);
  }

  private static Breach feedback(String what, String body, String field) {
    return new Breach(what, "POST", "/api/v1/suggestions/no-such-suggestion/feedback", Who.BOT, "application/json",
        body, field);
  }

  private static Breach content(String what, String fields, String field) {
    return new Breach(what, "POST", "/api/v1/content", Who.EDITOR, "application/json",
        "{\"id\": \"limits-item\", \"kind\": \"POST\", \"language\": \"en\", \"status\": \"published\", " + fields + "}",
        field);
  }

  private static String list(int size, String prefix) {
    return new JsonArray(IntStream.range(0, size).mapToObj(i -> prefix + i).toList()).encode();
  }

  private static String attributes(int size) {
    JsonObject attributes = new JsonObject();
    IntStream.range(0, size).forEach(i -> attributes.put("a" + i, "v"));
    return attributes.encode();
  }

  private static String multipart(String fileName, String content) {
    return "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
        + "Content-Type: text/csv\r\n\r\n" + content + "\r\n--XYZ--\r\n";
  }

  private static String abbreviated(String text) {
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Portraits, the group view, lists with filters and paging, and archiving, over HTTP against a real PostgreSQL. */
class GroupsApiTest {
  private static final String JSON = "application/json";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.onOwnDatabase();
  private static String operator;

  @BeforeAll
  static void tokens() {
    operator = server.token(Role.OPERATOR);
  }

  private static JsonObject portrait(String name, int members, String region, String... labels) {
    return new JsonObject().put("name", name).put("memberCount", members).put("region", region)
        .put("labels", new JsonArray(List.of(labels)));
  }

  private static void put(String id, JsonObject portrait) {
    HttpResponse<String> response = server.put("/api/v1/groups/" + id, operator, portrait.encode());
    assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
  }

  /** Reports {@code messages} in the last hour, making a group of {@code members} as lively as wanted. */
  private static void talk(String id, long messages) {
    Instant hour = TestServer.now().truncatedTo(ChronoUnit.HOURS);
    HttpResponse<String> response = server.post("/api/v1/groups/" + id + "/activity", operator, JSON,
        new JsonObject().put("from", hour.minus(Duration.ofHours(1)).toString()).put("to", hour.toString())
            .put("messages", messages).encode());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
  }

  private static JsonObject list(String query) {
    HttpResponse<String> response = server.get("/api/v1/groups?" + query, operator);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static List<String> ids(JsonObject page) {
    return page.getJsonArray("items").stream().map(g -> ((JsonObject) g).getString("id")).toList();
  }

  private static HttpResponse<String> get(String id) {
    return server.get("/api/v1/groups/" + id, operator);
  }

  @Test
  void portrait_roundTripsEveryPublicKey_includingKocIds() {
    JsonObject portrait = new JsonObject("""
        {"name": "上海咖啡研习社", "platform": "wecom", "type": "product", "interests": ["coffee", "baking"],
         "region": "CN-SH-Shanghai", "language": "zh", "timezone": "Asia/Shanghai", "quietHours": "22:00-08:00",
         "memberCount": 480, "kocCount": 12, "kocs": ["wx-li", "wx-wang"], "owner": "store-0217",
         "labels": ["flagship"], "attributes": {"store": "0217"}}""");

    HttpResponse<String> created = server.put("/api/v1/groups/roundtrip", operator, portrait.encode());
    JsonObject read = new JsonObject(get("roundtrip").body()).getJsonObject("portrait");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(read).isEqualTo(portrait);
  }

  @Test
  void kocIdsWithoutACount_countThemselves() {
    put("kocs-only", new JsonObject().put("name", "x").put("kocs", new JsonArray().add("a").add("b").add("a")));

    JsonObject read = new JsonObject(get("kocs-only").body()).getJsonObject("portrait");

    assertThat(read.getInteger("kocCount")).isEqualTo(2);
    assertThat(read.getJsonArray("kocs")).containsExactly("a", "b");
  }

  @Test
  void badPortraits_areRefusedNamingTheField_andChangeNothing() {
    put("kept", portrait("Kept", 10, "CN-SH-Shanghai"));
    String before = get("kept").body();
    record Case(String body, String field) {}
    List<Case> cases = List.of(
        new Case("{\"name\": \"x\", \"type\": \"club\"}", "type"),
        new Case("{\"name\": \"x\", \"region\": \"shanghai\"}", "region"),
        new Case("{\"name\": \"x\", \"language\": \"Chinese\"}", "language"),
        new Case("{\"name\": \"x\", \"memberCont\": 3}", "memberCont"),
        new Case("{\"name\": \"x\", \"kocCount\": 1, \"kocs\": [\"a\", \"b\"]}", "kocCount"),
        new Case("{\"name\": \"x\", \"kocs\": \"a\"}", "kocs"),
        new Case("{\"name\": \"x\", \"labels\": [\"\"]}", "labels"),
        new Case("{\"name\": \"x\", \"attributes\": {\"store\": 17}}", "attributes.store"),
        new Case("{\"name\": \"x\", \"memberCount\": 1.5}", "memberCount"));

    for (Case c : cases) {
      HttpResponse<String> response = server.put("/api/v1/groups/kept", operator, c.body());
      assertThat(response.statusCode()).as(c.body()).isEqualTo(422);
      assertThat(new JsonObject(response.body()).getJsonObject("error").getString("field")).as(c.body())
          .isEqualTo(c.field());
    }
    assertThat(get("kept").body()).isEqualTo(before);
  }

  @Test
  void groupView_hasActivityStageDaysSinceEachKindAndThePendingSuggestion() {
    put("history", portrait("History", 100, "CN-BJ-Beijing"));
    talk("history", 30);
    posted("history", "OFFER", Duration.ofDays(3).plusHours(1));
    posted("history", "OFFER", Duration.ofDays(9));
    posted("history", "POST", Duration.ofHours(5));
    Suggestion pending = new Suggestion(UUID.randomUUID().toString(), "history",
        ContentItem.builder("icebreaker", ContentKind.POST, "Hello").build(), 80, List.of(), 1, TestServer.now());
    storePending(pending);

    JsonObject group = new JsonObject(get("history").body());

    assertThat(group.getJsonObject("activity").getInteger("level")).isEqualTo(15);
    assertThat(group.getJsonObject("activity").getString("band")).isEqualTo("QUIET");
    // Its only report is today's: with less than a week of history there is no usual week to compare with.
    assertThat(group.getJsonObject("activity").getString("trend")).isEqualTo("STEADY");
    assertThat(group.getJsonObject("activity").getDouble("complaintShare")).isZero();
    assertThat(group.getString("stage")).isEqualTo("NEW");
    assertThat(group.getInteger("daysSinceLastOffer")).isEqualTo(3);
    assertThat(group.getInteger("daysSinceLastPost")).isZero();
    assertThat(group.containsKey("daysSinceLastActivity")).isTrue();
    assertThat(group.getInteger("daysSinceLastActivity")).isNull();
    assertThat(group.getJsonObject("pendingSuggestion").getString("id")).isEqualTo(pending.id());
    assertThat(group.getJsonObject("pendingSuggestion").getJsonObject("content").getString("id"))
        .isEqualTo("icebreaker");
    JsonArray daily = group.getJsonObject("activity").getJsonArray("daily");
    assertThat(daily).hasSize(30);
    assertThat(daily.stream().mapToLong(d -> ((JsonObject) d).getLong("messages")).sum()).isEqualTo(30);
    assertThat(daily.getJsonObject(29).getString("date")).isEqualTo(
        java.time.LocalDate.ofInstant(TestServer.now(), java.time.ZoneOffset.UTC).toString());

    JsonObject listed = list("region=CN-BJ-Beijing").getJsonArray("items").stream().map(JsonObject.class::cast)
        .filter(g -> g.getString("id").equals("history")).findFirst().orElseThrow();
    assertThat(listed.getJsonObject("pendingSuggestion").getString("contentId")).isEqualTo("icebreaker");
    assertThat(listed.getJsonObject("pendingSuggestion").getString("title")).isEqualTo("Hello");
    assertThat(Instant.parse(listed.getString("lastPostedAt"))).isAfter(TestServer.now().minus(Duration.ofHours(6)));
  }

  @Test
  void groupWithoutSuggestion_showsPendingAsNull() {
    put("no-suggestion", portrait("Nothing yet", 10, null));

    JsonObject group = new JsonObject(get("no-suggestion").body());

    assertThat(group.containsKey("pendingSuggestion")).isTrue();
    assertThat(group.getValue("pendingSuggestion")).isNull();
    assertThat(group.getValue("daysSinceLastPost")).isNull();
  }

  private static void storePending(Suggestion suggestion) {
    server.database().execute("""
        INSERT INTO suggestions (id, group_id, content_id, kind, content, score, reasons, rule_set_version, state,
            created_at)
        VALUES ($1, $2, $3, $4, $5::jsonb, $6, '[]'::jsonb, $7, 'pending', $8)""",
        Tuple.of(UUID.fromString(suggestion.id()), suggestion.groupId(), suggestion.content().getId(),
            suggestion.kind().name(),
            new JsonObject(community.recommender.content.format.ContentItemJson.toJson(suggestion.content())),
            suggestion.score(), suggestion.ruleSetVersion(),
            OffsetDateTime.ofInstant(suggestion.createdAt(), ZoneOffset.UTC)));
  }

  private static void posted(String groupId, String kind, Duration ago) {
    OffsetDateTime at = OffsetDateTime.ofInstant(TestServer.now(), ZoneOffset.UTC).minus(ago);
    server.database().execute("""
        INSERT INTO suggestions (id, group_id, content_id, kind, content, score, reasons, rule_set_version, state,
            created_at, outcome, outcome_at, posted_at)
        VALUES ($1, $2, 'some-content', $3, '{}'::jsonb, 50, '[]'::jsonb, 1, 'done', $4, 'posted', $4, $4)""",
        Tuple.of(UUID.randomUUID(), groupId, kind, at));
  }

  @Test
  void list_filtersByBandStageRegionAndLabel() {
    put("fl-dormant", portrait("Dormant", 100, "XF-SH-Shanghai", "pilot"));
    put("fl-quiet", portrait("Quiet", 100, "XF-SH-Pudong", "pilot", "east"));
    put("fl-hot", portrait("Hot", 100, "XF-SHX", "east"));
    put("fl-elsewhere", portrait("Elsewhere", 100, "XF-BJ-Beijing"));
    talk("fl-quiet", 20);
    talk("fl-hot", 150);

    assertThat(ids(list("region=XF"))).containsExactly("fl-dormant", "fl-elsewhere", "fl-hot", "fl-quiet");
    assertThat(ids(list("region=XF-SH"))).containsExactly("fl-dormant", "fl-quiet");
    assertThat(ids(list("region=XF-SH-Pudong"))).containsExactly("fl-quiet");
    assertThat(ids(list("region=XF&band=QUIET,HOT"))).containsExactly("fl-hot", "fl-quiet");
    assertThat(ids(list("region=XF&band=dormant"))).containsExactly("fl-dormant", "fl-elsewhere");
    assertThat(ids(list("region=XF&stage=DORMANT"))).containsExactly("fl-dormant", "fl-elsewhere");
    assertThat(ids(list("region=XF&stage=NEW"))).containsExactly("fl-hot", "fl-quiet");
    assertThat(ids(list("region=XF&label=pilot"))).containsExactly("fl-dormant", "fl-quiet");
    assertThat(ids(list("region=XF&label=pilot&label=east"))).containsExactly("fl-quiet");
    JsonObject hot = list("region=XF&band=HOT").getJsonArray("items").getJsonObject(0);
    assertThat(hot.getInteger("level")).isEqualTo(75);
    assertThat(hot.getString("stage")).isEqualTo("NEW");
    assertThat(hot.getString("assessedAt")).isNotBlank();
  }

  @Test
  void list_pagesInIdOrder_withTheTotal() {
    for (int i = 1; i <= 5; i++) {
      put("pg-" + i, portrait("Page " + i, 10, "XP-Paging"));
    }

    JsonObject second = list("region=XP&pageSize=2&page=2");
    JsonObject beyond = list("region=XP&pageSize=2&page=4");

    assertThat(ids(second)).containsExactly("pg-3", "pg-4");
    assertThat(second.getLong("total")).isEqualTo(5);
    assertThat(second.getInteger("page")).isEqualTo(2);
    assertThat(second.getInteger("pageSize")).isEqualTo(2);
    assertThat(ids(beyond)).isEmpty();
    assertThat(beyond.getLong("total")).isEqualTo(5);
    assertThat(list("region=XP").getInteger("pageSize")).isEqualTo(50);
  }

  @Test
  void list_sortedByNameOrLevel_ordersTheWholeListAcrossPages() {
    put("so-a", portrait("zebra crossing", 100, "XS"));
    put("so-b", portrait("Apple orchard", 100, "XS"));
    put("so-c", portrait("mango grove", 100, "XS"));
    put("so-d", portrait("Birch wood", 100, "XS"));
    talk("so-a", 150);
    talk("so-c", 20);

    List<String> byName = new java.util.ArrayList<>(ids(list("region=XS&sort=name&pageSize=3")));
    byName.addAll(ids(list("region=XS&sort=name&pageSize=3&page=2")));
    List<String> liveliest = ids(list("region=XS&sort=-level"));

    assertThat(byName).containsExactly("so-b", "so-d", "so-c", "so-a");
    assertThat(ids(list("region=XS&sort=-name&pageSize=1"))).containsExactly("so-a");
    assertThat(liveliest.subList(0, 2)).containsExactly("so-a", "so-c");
    assertThat(ids(list("region=XS&sort=-id"))).containsExactly("so-d", "so-c", "so-b", "so-a");
  }

  @Test
  void invalidListParameters_getA422NamingTheParameter() {
    record Case(String query, String field) {}
    List<Case> cases = List.of(
        new Case("band=LOUD", "band"),
        new Case("stage=TEENAGE", "stage"),
        new Case("region=C", "region"),
        new Case("region=CN%25", "region"),
        new Case("page=0", "page"),
        new Case("page=two", "page"),
        new Case("pageSize=501", "pageSize"),
        new Case("bands=QUIET", "bands"),
        new Case("sort=members", "sort"),
        new Case("sort=name&sort=id", "sort"));

    for (Case c : cases) {
      HttpResponse<String> response = server.get("/api/v1/groups?" + c.query(), operator);
      assertThat(response.statusCode()).as(c.query()).isEqualTo(422);
      assertThat(new JsonObject(response.body()).getJsonObject("error").getString("field")).as(c.query())
          .isEqualTo(c.field());
    }
  }

  @Test
  void delete_archivesTheGroup_andPutRevivesIt() {
    put("archived", portrait("Old", 10, "XA-Archive"));

    HttpResponse<String> deleted = server.delete("/api/v1/groups/archived", operator);
    HttpResponse<String> again = server.delete("/api/v1/groups/archived", operator);
    HttpResponse<String> report = server.post("/api/v1/groups/archived/activity", operator, JSON,
        new JsonObject().put("from", "2026-01-01T00:00:00Z").put("to", "2026-01-01T01:00:00Z").encode());

    assertThat(deleted.statusCode()).isEqualTo(204);
    assertThat(again.statusCode()).isEqualTo(404);
    assertThat(get("archived").statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/groups/archived/suggestion", operator).statusCode()).isEqualTo(404);
    assertThat(report.statusCode()).isEqualTo(404);
    assertThat(ids(list("region=XA"))).isEmpty();

    put("archived", portrait("Old", 10, "XA-Archive"));
    assertThat(ids(list("region=XA"))).containsExactly("archived");
  }

  @Test
  void botToken_mayReadButNotArchive() {
    put("bot-read", portrait("Readable", 10, null));
    String bot = server.database().token(Role.BOT, List.of("bot-read"));

    assertThat(server.get("/api/v1/groups/bot-read", bot).statusCode()).isEqualTo(200);
    assertThat(server.delete("/api/v1/groups/bot-read", bot).statusCode()).isEqualTo(403);
  }
}

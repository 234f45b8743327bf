package community.recommender.web;

import static community.recommender.web.ContentFixtures.ITEMS_CSV;
import static community.recommender.web.ContentFixtures.ITEMS_JSON;
import static community.recommender.web.ContentFixtures.MOULD_PROOF_MD;
import static community.recommender.web.ContentFixtures.PNG;
import static community.recommender.web.ContentFixtures.post;
import static community.recommender.web.ContentFixtures.utf8;
import static community.recommender.web.ContentFixtures.zip;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.cli.MultipartBody;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The content library over HTTP: each format in and out, each rejection, search with facets. */
class ContentApiTest {
  private static final String UPLOADS = "/api/v1/content/uploads";

  @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();
  private static String admin;

  @BeforeAll
  static void tokens() {
    admin = server.admin();
  }

  @Test
  void jsonItem_isCreatedReadReplacedAndArchived_eachChangeAVersion() {
    String item = """
        {"id": "autumn-salon", "kind": "ACTIVITY", "title": "Autumn reading salon", "language": "en",
         "status": "published", "format": "salon", "capacity": 20, "tags": ["salon"]}""";

    HttpResponse<String> created = server.postJson("/api/v1/content", admin, item);
    HttpResponse<String> replaced = server.put("/api/v1/content/autumn-salon", admin,
        item.replace("\"capacity\": 20", "\"capacity\": 25"));
    HttpResponse<String> archived = server.delete("/api/v1/content/autumn-salon", admin);
    JsonObject read = json(server.get("/api/v1/content/autumn-salon", admin));
    JsonArray versions = json(server.get("/api/v1/content/autumn-salon/versions", admin)).getJsonArray("versions");

    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(json(created).getInteger("version")).isEqualTo(1);
    assertThat(replaced.statusCode()).isEqualTo(200);
    assertThat(archived.statusCode()).isEqualTo(200);
    assertThat(read.getString("status")).isEqualTo("archived");
    assertThat(read.getInteger("capacity")).isEqualTo(25);
    assertThat(read.getInteger("version")).isEqualTo(3);
    assertThat(read.getString("createdAt")).isNotBlank();
    assertThat(versions).hasSize(3);
    assertThat(versions.getJsonObject(2).getJsonObject("item").getInteger("capacity")).isEqualTo(20);
    assertThat(ids(search("q=autumn"))).doesNotContain("autumn-salon");
    assertThat(ids(search("q=autumn&status=archived"))).containsExactly("autumn-salon");
  }

  @Test
  void uploadOfEveryFormat_isStoredAndSearchableAtOnce() {
    Map<String, byte[]> archive = new LinkedHashMap<>();
    archive.put("knitting/yarn.md", utf8(post("yarn-swap", "yarnswap")));
    archive.put("knitting/images/yarn.png", PNG);
    archive.put("knitting/more.csv", utf8("id,kind,title,language,status,media\n"
        + "needle-tips,POST,Needle tips,en,published,images/yarn.png\n"));
    MultipartBody body = new MultipartBody()
        .file("mould.md", utf8(MOULD_PROOF_MD))
        .file("closet.png", PNG)
        .file("wool.json", utf8(ITEMS_JSON))
        .file("tea.csv", utf8(ITEMS_CSV))
        .file("knitting.zip", zip(archive));

    HttpResponse<String> response = server.post(UPLOADS, admin, body.contentType(), body.toBytes());

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonObject report = json(response);
    assertThat(report.getInteger("created")).isEqualTo(7);
    assertThat(report.getInteger("rejected")).isZero();
    assertThat(results(report)).containsExactly("created", "attached", "created", "created", "created");
    assertThat(ids(search("q=防霉"))).contains("mould-proof-closet-tips");
    assertThat(ids(search("q=团购&kind=offer"))).contains("tea-group-buy-zh");
    assertThat(ids(search("q=社群"))).contains("tea-welcome-zh", "tea-group-buy-zh");
    assertThat(ids(search("q=washing"))).contains("wool-care-en");
    assertThat(ids(search("q=yarnswap"))).containsExactly("yarn-swap");

    JsonObject mould = json(server.get("/api/v1/content/mould-proof-closet-tips", admin));
    JsonObject image = mould.getJsonArray("media").getJsonObject(0);
    assertThat(image.getString("type")).isEqualTo("image/png");
    HttpResponse<byte[]> served = server.getBytes(image.getString("url"), admin);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(served.body()).isEqualTo(PNG);
    assertThat(json(server.get("/api/v1/content/needle-tips", admin)).getJsonArray("media").getJsonObject(0)
        .getString("name")).isEqualTo("yarn.png");
    JsonObject offer = json(server.get("/api/v1/content/tea-group-buy-zh", admin));
    assertThat(offer.getInteger("perGroupLimit")).isEqualTo(30);
    assertThat(offer.getString("groupBuyDeadline")).isEqualTo("2026-12-20T23:59:59.999Z");
  }

  @Test
  void uploadingTheSameFileAgain_updatesItsItem_andNeverDuplicates() {
    MultipartBody first = new MultipartBody().file("again.md", utf8(post("upload-again", "againword")));
    MultipartBody second = new MultipartBody().file("again.md",
        utf8(post("upload-again", "againword").replace("All about", "Still all about")));

    JsonObject one = json(server.post(UPLOADS, admin, first.contentType(), first.toBytes()));
    JsonObject two = json(server.post(UPLOADS, admin, second.contentType(), second.toBytes()));

    assertThat(results(one)).containsExactly("created");
    assertThat(results(two)).containsExactly("updated");
    assertThat(two.getJsonArray("files").getJsonObject(0).getJsonArray("items").getJsonObject(0).getInteger("version"))
        .isEqualTo(2);
    JsonObject found = search("q=againword");
    assertThat(found.getLong("total")).isEqualTo(1);
    assertThat(found.getJsonArray("items").getJsonObject(0).getString("body")).startsWith("Still");
  }

  @Test
  void eachRejection_namesFileLineAndField_withItsStatus_andLeavesNoTrace() {
    record Case(String name, String file, byte[] content, int status, String problemFile, Integer line, String field) {}
    Map<String, byte[]> escaping = Map.of("../../escape.md", utf8(post("escaped-item", "escapeword")));
    Map<String, byte[]> bomb = new LinkedHashMap<>();
    for (int i = 0; i < 11; i++) {
      bomb.put("zeros-" + i + ".md", new byte[5 * 1024 * 1024]);
    }
    List<Case> cases = List.of(
        new Case("malformed JSON", "broken.json", utf8("[{\"id\": \"broken-json\",\n \"kind\": ]"), 400,
            "broken.json", 2, null),
        new Case("bad CSV row", "rows.csv", utf8("id,kind,title,language,price,currency\n"
            + "good-row,POST,Good row,en,,\nbad-row,OFFER,Bad row,en,-3,CNY\n"), 422, "rows.csv", 3, "price"),
        new Case("dates out of order", "dates.md", utf8(post("dates-item", "datesword")
            .replace("status: published\n", "status: published\nvalidFrom: 2026-06-01\nvalidUntil: 2026-05-01\n")),
            422, "dates.md", 8, "validUntil"),
        new Case("unknown kind", "kind.md", utf8(post("kind-item", "kindword").replace("kind: POST", "kind: MEME")),
            422, "kind.md", 3, "kind"),
        new Case("body too long", "long.md", utf8(post("long-item", "longword") + "x".repeat(70_000)), 413,
            "long.md", 8, "body"),
        new Case("file too large", "huge.md", new byte[5 * 1024 * 1024 + 1], 413, "huge.md", null, null),
        new Case("entry escaping the archive", "escape.zip", zip(escaping), 400, "escape.zip", null, null),
        new Case("zip bomb", "bomb.zip", zip(bomb), 413, "bomb.zip", null, null),
        new Case("script named as an image", "photo.png", utf8("<?php system($_GET['c']); ?>"), 415, "photo.png",
            null, null),
        new Case("image nobody names", "stray.png", PNG, 422, "stray.png", null, null),
        new Case("missing image", "missing.md", utf8(post("missing-media", "missingword")
            .replace("status: published\n", "status: published\nmedia: [nowhere.png]\n")), 422, "missing.md", null,
            "media"));

    for (Case c : cases) {
      MultipartBody body = new MultipartBody().file(c.file(), c.content());
      HttpResponse<String> response = server.post(UPLOADS, admin, body.contentType(), body.toBytes());

      assertThat(response.statusCode()).as(c.name() + ": " + response.body()).isEqualTo(c.status());
      JsonObject error = json(response).getJsonObject("error");
      assertThat(error.getInteger("status")).as(c.name()).isEqualTo(c.status());
      assertThat(error.getString("file")).as(c.name()).isEqualTo(c.problemFile());
      assertThat(error.getInteger("line")).as(c.name()).isEqualTo(c.line());
      assertThat(error.getString("field")).as(c.name()).isEqualTo(c.field());
      assertThat(error.getString("message")).as(c.name()).isNotBlank();
    }
    for (String id : List.of("broken-json", "good-row", "bad-row", "dates-item", "long-item", "escaped-item",
        "missing-media")) {
      assertThat(server.get("/api/v1/content/" + id, admin).statusCode()).as(id).isEqualTo(404);
    }
    assertThat(search("q=escapeword").getLong("total")).isZero();
  }

  @Test
  void partlyBadUpload_storesTheGoodFiles_andAnswers207() {
    MultipartBody body = new MultipartBody()
        .file("good.md", utf8(post("partly-good", "partlyword")))
        .file("bad.json", utf8("{\"id\": \"partly-bad\", \"kind\": \"POST\", \"title\": \"x\"}"));

    HttpResponse<String> response = server.post(UPLOADS, admin, body.contentType(), body.toBytes());

    assertThat(response.statusCode()).isEqualTo(207);
    assertThat(results(json(response))).containsExactly("created", "rejected");
    assertThat(json(response).getJsonArray("files").getJsonObject(1).getJsonArray("problems").getJsonObject(0)
        .getString("field")).isEqualTo("language");
    assertThat(server.get("/api/v1/content/partly-good", admin).statusCode()).isEqualTo(200);
    assertThat(server.get("/api/v1/content/partly-bad", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void oversizedRequests_get413_andWrongContentTypes_get415() {
    HttpResponse<String> hugeUpload = server.post(UPLOADS, admin, "multipart/form-data; boundary=x",
        new byte[21 * 1024 * 1024]);
    HttpResponse<String> hugeJson = server.postJson("/api/v1/content", admin, "[" + " ".repeat(1024 * 1024) + "]");
    HttpResponse<String> notMultipart = server.postJson(UPLOADS, admin, "{}");

    assertThat(hugeUpload.statusCode()).isEqualTo(413);
    assertThat(json(hugeUpload).getJsonObject("error").getInteger("status")).isEqualTo(413);
    assertThat(hugeJson.statusCode()).isEqualTo(413);
    assertThat(notMultipart.statusCode()).isEqualTo(415);
  }

  @Test
  void badJsonItems_areRefusedWithTheFieldNamed() {
    record Case(String body, int status, String field) {}
    List<Case> cases = List.of(
        new Case("{not json", 400, null),
        new Case("{\"id\": \"neg\", \"kind\": \"OFFER\", \"title\": \"x\", \"language\": \"en\", \"price\": -1,"
            + " \"currency\": \"CNY\"}", 422, "price"),
        new Case("{\"id\": \"cur\", \"kind\": \"OFFER\", \"title\": \"x\", \"language\": \"en\", \"price\": 1,"
            + " \"currency\": \"XYZ1\"}", 422, "currency"),
        new Case("{\"id\": \"../etc\", \"kind\": \"POST\", \"title\": \"x\", \"language\": \"en\"}", 422, "id"),
        new Case("{\"id\": \"st\", \"kind\": \"POST\", \"title\": \"x\", \"language\": \"en\", \"status\": \"live\"}",
            422, "status"));

    for (Case c : cases) {
      HttpResponse<String> response = server.postJson("/api/v1/content", admin, c.body());

      assertThat(response.statusCode()).as(c.body()).isEqualTo(c.status());
      assertThat(json(response).getJsonObject("error").getString("field")).as(c.body()).isEqualTo(c.field());
    }
    assertThat(server.put("/api/v1/content/one-id", admin,
        "{\"id\": \"other-id\", \"kind\": \"POST\", \"title\": \"x\", \"language\": \"en\"}").statusCode())
        .isEqualTo(422);
    assertThat(server.get("/api/v1/content/neg", admin).statusCode()).isEqualTo(404);
  }

  @Test
  void search_answersPagesAndFacetCounts() {
    JsonObject first = search("status=published&size=5");
    JsonObject second = search("status=published&size=5&page=2");
    JsonObject shanghaiOffers = search("kind=offer&region=CN-SH-Shanghai&tag=group-buy");

    assertThat(first.getJsonArray("items")).hasSize(5);
    assertThat(first.getLong("total")).isGreaterThanOrEqualTo(60);
    assertThat(ids(second)).doesNotContainAnyElementsOf(ids(first));
    JsonObject kinds = first.getJsonObject("facets").getJsonObject("kind");
    assertThat(kinds.getInteger("POST") + kinds.getInteger("ACTIVITY") + kinds.getInteger("OFFER"))
        .isEqualTo(first.getLong("total").intValue());
    assertThat(first.getJsonObject("facets").getJsonObject("tag").getMap()).isNotEmpty();
    assertThat(first.getJsonObject("facets").getJsonObject("region").getMap()).containsKey("*");
    assertThat(shanghaiOffers.getJsonArray("items")).isNotEmpty();
    assertThat(shanghaiOffers.getJsonObject("facets").getJsonObject("kind").getMap()).containsOnlyKeys("OFFER");
  }

  @Test
  void search_sortedByTitle_ordersTheWholeResultAcrossPages() {
    List<String> titles = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    long total = search("status=published&size=1").getLong("total");
    for (int page = 1; (long) (page - 1) * 25 < total; page++) {
      JsonObject results = search("status=published&size=25&sort=title&page=" + page);
      results.getJsonArray("items").forEach(item -> titles.add(((JsonObject) item).getString("title")
          .strip().toLowerCase(java.util.Locale.ROOT)));
      ids.addAll(ids(results));
    }
    JsonObject newest = search("status=published&size=3&sort=-updatedAt");

    assertThat(titles).hasSize((int) total).isSorted();
    assertThat(ids).doesNotHaveDuplicates();
    List<String> lastThree = new ArrayList<>(ids.subList(ids.size() - 3, ids.size()));
    java.util.Collections.reverse(lastThree);
    assertThat(ids(search("status=published&size=3&sort=-title"))).containsExactlyElementsOf(lastThree);
    // The index orders by updatedAt to the millisecond (items saved within one millisecond tie and go by id).
    assertThat(newest.getJsonArray("items").stream().map(i -> ((JsonObject) i).getString("updatedAt")).toList())
        .isSortedAccordingTo(java.util.Comparator.comparing(
            (String at) -> java.time.Instant.parse(at).truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
            java.util.Comparator.reverseOrder()));
  }

  @Test
  void badSearchParameters_get422WithTheParameterNamed() {
    for (String query : List.of("kind=meme", "status=gone", "validAt=tomorrow", "page=0", "size=1000",
        "page=1000&size=100", "sort=score", "sort=-", "sort=title,kind")) {
      HttpResponse<String> response = server.get("/api/v1/content?" + query, admin);

      assertThat(response.statusCode()).as(query).isEqualTo(422);
      assertThat(json(response).getJsonObject("error").getString("field")).as(query)
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
  }

  @Test
  void contentEndpoints_needAToken() {
    assertThat(server.get("/api/v1/content", null).statusCode()).isEqualTo(401);
    assertThat(server.postJson("/api/v1/content", null, "{}").statusCode()).isEqualTo(401);
    assertThat(server.get("/api/v1/content/nothing-here", admin).statusCode()).isEqualTo(404);
  }

  private static JsonObject search(String query) {
    String[] parts = query.split("&");
    List<String> encoded = new ArrayList<>();
    for (String part : parts) {
      int eq = part.indexOf('=');
      encoded.add(part.substring(0, eq + 1) + URLEncoder.encode(part.substring(eq + 1), StandardCharsets.UTF_8));
    }
    HttpResponse<String> response = server.get("/api/v1/content?" + String.join("&", encoded), admin);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  private static List<String> ids(JsonObject results) {
    JsonArray items = results.getJsonArray("items");
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      ids.add(items.getJsonObject(i).getString("id"));
    }
    return ids;
  }

  private static List<String> results(JsonObject report) {
    JsonArray files = report.getJsonArray("files");
    List<String> results = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      results.add(files.getJsonObject(i).getString("result"));
    }
    return results;
  }

  private static JsonObject json(HttpResponse<String> response) {
    return new JsonObject(response.body());
  }
}

package community.recommender.web;

import static community.recommender.web.ContentFixtures.post;
import static community.recommender.web.ContentFixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.index.ContentIndex;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.web.cli.MultipartBody;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index is derived from PostgreSQL: deleted, it is rebuilt; stale, it catches up; on restart, nothing is lost. */
class IndexRebuildTest {
  @TempDir Path dataDir;

  @Test
  void deletedIndexFolder_isRebuiltFromPostgres_withEveryItem() throws Exception {
    long total;
    long everything;
    try (TestServer first = TestServer.start(dataDir)) {
      String admin = TestServer.adminToken(dataDir);
      MultipartBody body = new MultipartBody().file("rebuilt.md", utf8(post("rebuilt-item", "rebuildword")));
      assertThat(first.post("/api/v1/content/uploads", admin, body.contentType(), body.toBytes()).statusCode())
          .isEqualTo(200);
      total = total(first, admin, "status=published");
      everything = total + total(first, admin, "status=draft") + total(first, admin, "status=archived");
    }
    deleteTree(dataDir.resolve("index"));

    try (TestServer second = TestServer.start(dataDir)) {
      String admin = TestServer.adminToken(dataDir);

      assertThat(second.output()).contains(everything + " items in the index, " + everything + " of them indexed");
      assertThat(total(second, admin, "status=published")).isEqualTo(total);
      assertThat(total(second, admin, "q=rebuildword")).isEqualTo(1);
      assertThat(second.get("/api/v1/groups/sh-coffee-lovers/suggestion", admin).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void indexBehindTheDatabase_catchesUpOnStart() throws Exception {
    long items;
    try (TestServer first = TestServer.start(dataDir)) {
      Matcher banner = Pattern.compile("(\\d+) items in the index, (\\d+) of them indexed").matcher(first.output());
      assertThat(banner.find()).as(first.output()).isTrue();
      items = Long.parseLong(banner.group(1));
      assertThat(items).isPositive().isEqualTo(Long.parseLong(banner.group(2)));
    }
    // Another instance's write that this one never heard of: in the database, not in the index.
    try (TestServer writer = TestServer.start(dataDir)) {
      String admin = TestServer.adminToken(dataDir);
      // A start over an index that is up to date says how much it holds, not only what it added.
      assertThat(writer.output()).contains(items + " items in the index, 0 of them indexed");
      writer.postJson("/api/v1/content", admin, "{\"id\": \"late-item\", \"kind\": \"POST\", \"title\": \"Zanzibarian latecomer\","
          + " \"language\": \"en\", \"status\": \"published\"}");
    }
    try (ContentIndex index = ContentIndex.open(dataDir.resolve("index"))) {
      index.apply(List.of(ContentItem.builder("late-item", ContentKind.POST, "stale").language("en").build()), 1);
    }

    try (TestServer restarted = TestServer.start(dataDir)) {
      String admin = TestServer.adminToken(dataDir);

      // A word no sample uses, so the count is this item's alone.
      assertThat(total(restarted, admin, "q=zanzibarian")).isEqualTo(1);
      assertThat(total(restarted, admin, "q=stale")).isZero();
    }
  }

  private static long total(TestServer server, String token, String query) {
    return new JsonObject(server.get("/api/v1/content?" + query, token).body()).getLong("total");
  }

  private static void deleteTree(Path dir) throws Exception {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

package community.recommender.web.demo;

import community.recommender.content.format.SampleLibrary;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.ContentItem;
import community.recommender.web.database.Futures;
import community.recommender.web.json.PortraitJson;
import community.recommender.web.store.PgActivityReports;
import community.recommender.web.store.PgContentStore;
import community.recommender.web.store.PgGroupStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo: sample groups that differ in activity, region, interests and stage, and the sample
 * content library. Loaded only into an empty database, so a restart with {@code --demo} adds nothing.
 */
public final class DemoData {
  private DemoData() {}

  /** Loads the demo when the database has no groups and no content; answers whether it did. Blocks. */
  public static boolean loadIntoEmpty(PgGroupStore groups, PgActivityReports reports, PgContentStore content,
      Path samplesDir, Instant now) {
    if (Futures.await(groups.count()) > 0 || Futures.await(content.count()) > 0) {
      return false;
    }
    List<ContentItem> items = SampleLibrary.read(samplesDir);
    List<String> ids = new ArrayList<>();
    for (Object entry : readGroups()) {
      JsonObject group = (JsonObject) entry;
      String id = group.getString("id");
      Instant createdAt = now.minus(Duration.ofDays(group.getInteger("createdDaysAgo")));
      Futures.await(groups.insertIfAbsent(id, PortraitJson.fromJson(group.getJsonObject("portrait")), createdAt));
      Instant weekAgo = now.minus(Duration.ofDays(7));
      // The three weeks before are one 21-day window, longer than the API takes: demo data needs no finer grain.
      Futures.await(reports.record(id, List.of(
          new ActivityReport(now.minus(Duration.ofDays(28)), weekAgo, counts(group.getJsonObject("threeWeeksBefore"))),
          new ActivityReport(weekAgo, now, counts(group.getJsonObject("lastWeek"))))));
      ids.add(id);
    }
    Futures.await(groups.reassess(ids, now));
    for (ContentItem item : items) {
      Futures.await(content.save(item));
    }
    return true;
  }

  private static JsonArray readGroups() {
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/groups.json")) {
      return new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the demo groups", e);
    }
  }

  private static ActivityCounts counts(JsonObject json) {
    return new ActivityCounts(json.getLong("messages"), json.getLong("activeMembers"), json.getLong("joins"),
        json.getLong("leaves"), json.getLong("reactions"), json.getLong("clicks"), json.getLong("orders"),
        json.getLong("complaints"));
  }
}

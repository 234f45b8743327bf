package community.recommender.web.application.demo;

import community.recommender.content.format.SampleLibrary;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.ContentItem;
import community.recommender.web.store.Futures;
import community.recommender.web.store.ActivityReportStore;
import community.recommender.web.store.ContentStore;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.PortraitDocument;
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
  public static boolean loadIntoEmpty(GroupStore groups, ActivityReportStore reports, ContentStore content,
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
      Futures.await(groups.insertIfAbsent(id, PortraitDocument.read(group.getJsonObject("portrait")), createdAt));
      // Daily windows, as a chat tool would send them, so the console's 30-day chart has a day-by-day shape.
      List<ActivityReport> days = new ArrayList<>();
      days.addAll(daily(counts(group.getJsonObject("threeWeeksBefore")), now.minus(Duration.ofDays(28)), 21));
      days.addAll(daily(counts(group.getJsonObject("lastWeek")), now.minus(Duration.ofDays(7)), 7));
      Futures.await(reports.record(id, days));
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

  /**
   * {@code total} spread over {@code days} one-day windows from {@code from}, each day a share that
   * swings around the average (more at weekends), the remainder on the last day.
   */
  static List<ActivityReport> daily(ActivityCounts total, Instant from, int days) {
    long[] totals = {total.getMessages(), total.getActiveMembers(), total.getJoins(), total.getLeaves(),
        total.getReactions(), total.getClicks(), total.getOrders(), total.getComplaints()};
    double[] weights = new double[days];
    double sum = 0;
    for (int d = 0; d < days; d++) {
      weights[d] = 1.0 + 0.35 * Math.sin(d * 0.9) + (d % 7 >= 5 ? 0.4 : 0);
      sum += weights[d];
    }
    long[] given = new long[totals.length];
    List<ActivityReport> reports = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      long[] day = new long[totals.length];
      for (int c = 0; c < totals.length; c++) {
        day[c] = d == days - 1 ? totals[c] - given[c] : Math.round(totals[c] * weights[d] / sum);
        day[c] = Math.max(0, Math.min(day[c], totals[c] - given[c]));
        given[c] += day[c];
      }
      Instant start = from.plus(Duration.ofDays(d));
      reports.add(new ActivityReport(start, start.plus(Duration.ofDays(1)),
          new ActivityCounts(day[0], day[1], day[2], day[3], day[4], day[5], day[6], day[7])));
    }
    return reports;
  }

  private static ActivityCounts counts(JsonObject json) {
    return new ActivityCounts(json.getLong("messages"), json.getLong("activeMembers"), json.getLong("joins"),
        json.getLong("leaves"), json.getLong("reactions"), json.getLong("clicks"), json.getLong("orders"),
        json.getLong("complaints"));
  }
}

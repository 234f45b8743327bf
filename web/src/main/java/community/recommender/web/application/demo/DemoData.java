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
 * The demo: sample groups at different points of the playbook's cycle (quiet and dormant, a wave of
 * newcomers, a complaint spike, after-sales, an emotional group before its scene, mature and
 * healthy, one onboarded with months of history), and the sample content library. Loaded only into an empty database, so a restart with {@code --demo} adds nothing.
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
    for (DemoGroup group : groups(now)) {
      Futures.await(groups.insertIfAbsent(group.id(), group.portrait(), group.createdAt()));
      Futures.await(reports.record(group.id(), group.reports()));
      ids.add(group.id());
    }
    Futures.await(groups.reassess(ids, now));
    for (ContentItem item : items) {
      Futures.await(content.save(item));
    }
    return true;
  }

  /**
   * The demo groups as they are loaded at {@code now}. Each reports daily windows for its last 28
   * days, as a chat tool would send them, so the console's 30-day chart has a day-by-day shape. A
   * group onboarded with its history ({@code startedDaysAgo}, {@code earlierWeeks}) also has the
   * day its community started and weekly windows for the weeks before those 28 days.
   */
  public static List<DemoGroup> groups(Instant now) {
    List<DemoGroup> demo = new ArrayList<>();
    for (Object entry : readGroups()) {
      JsonObject group = (JsonObject) entry;
      JsonObject portrait = group.getJsonObject("portrait").copy();
      if (group.containsKey("startedDaysAgo")) {
        portrait.put("startedAt", now.minus(Duration.ofDays(group.getInteger("startedDaysAgo"))).toString());
      }
      List<ActivityReport> reports = new ArrayList<>();
      JsonArray earlier = group.getJsonArray("earlierWeeks", new JsonArray());
      Instant firstWeek = now.minus(Duration.ofDays(28 + 7L * earlier.size()));
      for (int w = 0; w < earlier.size(); w++) {
        Instant start = firstWeek.plus(Duration.ofDays(7L * w));
        reports.add(new ActivityReport(start, start.plus(Duration.ofDays(7)), counts(earlier.getJsonObject(w))));
      }
      reports.addAll(daily(counts(group.getJsonObject("threeWeeksBefore")), now.minus(Duration.ofDays(28)), 21));
      reports.addAll(daily(counts(group.getJsonObject("lastWeek")), now.minus(Duration.ofDays(7)), 7));
      demo.add(new DemoGroup(group.getString("id"), PortraitDocument.read(portrait),
          now.minus(Duration.ofDays(group.getInteger("createdDaysAgo"))), reports));
    }
    return demo;
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

package community.recommender.web.application.experiments;

import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.ExperimentAnalysis;
import community.recommender.engine.experiment.GroupChange;
import community.recommender.engine.model.Group;
import community.recommender.web.store.ActivityReportStore;
import community.recommender.web.store.ActivityReportStore.PeriodTotals;
import community.recommender.web.store.ExperimentStore;
import community.recommender.web.store.GroupStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Measures an experiment group by group, over the baseline period and since the start: from the
 * activity its chat tool reports (per member per week, each rate over the time its reports cover, so
 * a missing week lowers no rate), or, for {@code reward}, from the mean reward of its posts.
 */
public final class ExperimentReports {
  private static final double WEEK_SECONDS = 7 * 24 * 3600;

  private final ExperimentService experiments;
  private final ExperimentStore store;
  private final GroupStore groups;
  private final ActivityReportStore reports;
  private final Clock clock;

  public ExperimentReports(ExperimentService experiments, ExperimentStore store, GroupStore groups,
      ActivityReportStore reports, Clock clock) {
    this.experiments = experiments;
    this.store = store;
    this.groups = groups;
    this.reports = reports;
    this.clock = clock;
  }

  /** The report of experiment {@code id} as of now; fails with {@link ExperimentNotFound}. */
  public Future<ExperimentReport> report(String id) {
    Instant now = clock.instant();
    return experiments.find(id).compose(experiment -> store.assignments(id).compose(assigned -> {
      List<String> ids = assigned.stream().map(ExperimentStore.Assignment::groupId).toList();
      Instant to = experiment.isOver(now) ? experiment.end() : now;
      Instant from = experiment.startsAt();
      Future<Map<String, Double>> rewardsBefore = experiment.metric().fromActivityReports()
          ? Future.succeededFuture(Map.of()) : store.meanRewards(ids, experiment.baselineStart(), from);
      Future<Map<String, Double>> rewardsDuring = experiment.metric().fromActivityReports() || !to.isAfter(from)
          ? Future.succeededFuture(Map.of()) : store.meanRewards(ids, from, to);
      Future<List<Group>> members = groups.read(ids, now);
      Future<Map<String, PeriodTotals>> before = !experiment.metric().fromActivityReports()
          ? Future.succeededFuture(Map.of()) : reports.totals(ids, experiment.baselineStart(), from);
      Future<Map<String, PeriodTotals>> during = !experiment.metric().fromActivityReports() || !to.isAfter(from)
          ? Future.succeededFuture(Map.of()) : reports.totals(ids, from, to);
      return Future.all(List.of(members, before, during, rewardsBefore, rewardsDuring)).map(all -> {
        Map<String, Integer> memberCounts = new HashMap<>();
        members.result().forEach(g -> memberCounts.put(g.getId(), g.getPortrait().getMemberCount()));
        Map<String, List<GroupChange>> measured = new HashMap<>();
        int unmeasured = 0;
        for (ExperimentStore.Assignment assignment : assigned) {
          String groupId = assignment.groupId();
          GroupChange change = experiment.metric().fromActivityReports()
              ? fromReports(experiment, groupId, before.result().get(groupId), during.result().get(groupId),
                  memberCounts.getOrDefault(groupId, 0))
              : fromRewards(groupId, rewardsBefore.result().get(groupId), rewardsDuring.result().get(groupId));
          if (change == null) {
            unmeasured++;
            continue;
          }
          measured.computeIfAbsent(assignment.arm(), arm -> new ArrayList<>()).add(change);
        }
        boolean running = !experiment.isOver(now);
        return new ExperimentReport(experiment, experiment.baselineStart(), from, to,
            ExperimentAnalysis.of(experiment, measured, unmeasured, running));
      });
    }));
  }

  /** A group's change in activity per member per week; null when either period has no reports. */
  private static GroupChange fromReports(Experiment experiment, String groupId, PeriodTotals baseline,
      PeriodTotals since, int size) {
    if (baseline == null || since == null || baseline.coveredSeconds() == 0 || since.coveredSeconds() == 0
        || size == 0) {
      return null;
    }
    return new GroupChange(groupId, rate(experiment, baseline, size), rate(experiment, since, size));
  }

  /** A group's change in mean reward per post; null when it posted nothing in either period. */
  private static GroupChange fromRewards(String groupId, Double baseline, Double since) {
    return baseline == null || since == null ? null : new GroupChange(groupId, baseline, since);
  }

  private static double rate(Experiment experiment, PeriodTotals totals, int members) {
    long count = experiment.metric().of(totals.messages(), totals.reactions(), totals.clicks(), totals.orders());
    return count / (double) members / (totals.coveredSeconds() / WEEK_SECONDS);
  }
}

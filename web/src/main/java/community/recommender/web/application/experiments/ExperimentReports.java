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
      Future<Map<String, GroupChange>> changes = experiment.metric().fromActivityReports()
          ? fromReports(experiment, ids, from, to, now) : fromRewards(experiment, ids, from, to);
      return changes.map(byGroup -> {
        Map<String, List<GroupChange>> measured = new HashMap<>();
        int unmeasured = 0;
        for (ExperimentStore.Assignment assignment : assigned) {
          GroupChange change = byGroup.get(assignment.groupId());
          if (change == null) {
            unmeasured++;
          } else {
            measured.computeIfAbsent(assignment.arm(), arm -> new ArrayList<>()).add(change);
          }
        }
        return new ExperimentReport(experiment, experiment.baselineStart(), from, to,
            ExperimentAnalysis.of(experiment, measured, unmeasured, !experiment.isOver(now)));
      });
    }));
  }

  /**
   * Each group's change in activity per member per week; a group without reports in either period,
   * or without members, is left out.
   */
  private Future<Map<String, GroupChange>> fromReports(Experiment experiment, List<String> ids, Instant from,
      Instant to, Instant now) {
    Future<List<Group>> members = groups.read(ids, now);
    Future<Map<String, PeriodTotals>> before = reports.totals(ids, experiment.baselineStart(), from);
    Future<Map<String, PeriodTotals>> during = to.isAfter(from) ? reports.totals(ids, from, to)
        : Future.succeededFuture(Map.of());
    return Future.all(members, before, during).map(all -> {
      Map<String, GroupChange> changes = new HashMap<>();
      for (Group group : members.result()) {
        PeriodTotals baseline = before.result().get(group.getId());
        PeriodTotals since = during.result().get(group.getId());
        int size = group.getPortrait().getMemberCount();
        if (baseline != null && since != null && baseline.coveredSeconds() > 0 && since.coveredSeconds() > 0
            && size > 0) {
          changes.put(group.getId(), new GroupChange(group.getId(), rate(experiment, baseline, size),
              rate(experiment, since, size)));
        }
      }
      return changes;
    });
  }

  /** Each group's change in mean reward per post; a group that posted nothing in either period is left out. */
  private Future<Map<String, GroupChange>> fromRewards(Experiment experiment, List<String> ids, Instant from,
      Instant to) {
    Future<Map<String, Double>> before = store.meanRewards(ids, experiment.baselineStart(), from);
    Future<Map<String, Double>> during = to.isAfter(from) ? store.meanRewards(ids, from, to)
        : Future.succeededFuture(Map.of());
    return Future.all(before, during).map(all -> {
      Map<String, GroupChange> changes = new HashMap<>();
      before.result().forEach((groupId, baseline) -> {
        Double since = during.result().get(groupId);
        if (since != null) {
          changes.put(groupId, new GroupChange(groupId, baseline, since));
        }
      });
      return changes;
    });
  }

  private static double rate(Experiment experiment, PeriodTotals totals, int members) {
    long count = experiment.metric().of(totals.messages(), totals.reactions(), totals.clicks(), totals.orders());
    return count / (double) members / (totals.coveredSeconds() / WEEK_SECONDS);
  }
}

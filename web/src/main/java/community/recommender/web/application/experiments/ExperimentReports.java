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
 * Measures an experiment from the activity its groups' chat tools report: each group's metric per
 * member per week over the baseline period and since the start, each rate over the time its reports
 * cover, so a missing week lowers no rate.
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
      Future<List<Group>> members = groups.read(ids, now);
      Future<Map<String, PeriodTotals>> before = reports.totals(ids, experiment.baselineStart(), from);
      Future<Map<String, PeriodTotals>> during = to.isAfter(from) ? reports.totals(ids, from, to)
          : Future.succeededFuture(Map.of());
      return Future.all(members, before, during).map(all -> {
        Map<String, Integer> memberCounts = new HashMap<>();
        members.result().forEach(g -> memberCounts.put(g.getId(), g.getPortrait().getMemberCount()));
        Map<String, List<GroupChange>> measured = new HashMap<>();
        int unmeasured = 0;
        for (ExperimentStore.Assignment assignment : assigned) {
          PeriodTotals baseline = before.result().get(assignment.groupId());
          PeriodTotals since = during.result().get(assignment.groupId());
          int size = memberCounts.getOrDefault(assignment.groupId(), 0);
          if (baseline == null || since == null || baseline.coveredSeconds() == 0 || since.coveredSeconds() == 0
              || size == 0) {
            unmeasured++;
            continue;
          }
          measured.computeIfAbsent(assignment.arm(), arm -> new ArrayList<>()).add(new GroupChange(
              assignment.groupId(), rate(experiment, baseline, size), rate(experiment, since, size)));
        }
        boolean running = !experiment.isOver(now);
        return new ExperimentReport(experiment, experiment.baselineStart(), from, to,
            ExperimentAnalysis.of(experiment, measured, unmeasured, running));
      });
    }));
  }

  private static double rate(Experiment experiment, PeriodTotals totals, int members) {
    long count = experiment.metric().of(totals.messages(), totals.reactions(), totals.clicks(), totals.orders());
    return count / (double) members / (totals.coveredSeconds() / WEEK_SECONDS);
  }
}

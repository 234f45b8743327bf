package community.recommender.engine.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares an experiment's arms group by group and says whether one of them won.
 *
 * <p>Each group's value is its change from its own baseline, so a big or busy group moves its arm's
 * mean as much as a small one, no more. Every arm is compared with the control by {@link ClusterWelch}
 * at 95%. A winner is named only with at least {@value #MIN_GROUPS} measured groups in all and
 * {@value #MIN_GROUPS_PER_ARM} in every arm, and only when its interval excludes zero; below that the
 * report says why there is none.
 *
 * @param arms one result per arm, the control first
 * @param winner the arm that did best with an interval clear of zero, or empty
 * @param verdict one sentence on the outcome
 * @param warnings what limits the reading of the figures
 */
public record ExperimentAnalysis(List<ArmResult> arms, Optional<String> winner, String verdict,
    List<String> warnings) {

  /** The fewest measured groups in all before a winner is named. */
  public static final int MIN_GROUPS = 20;
  /** The fewest measured groups in each arm before a winner is named. */
  public static final int MIN_GROUPS_PER_ARM = 6;

  /** Analyses the measured groups of each arm of {@code experiment}; groups left out are counted in {@code unmeasured}. */
  public static ExperimentAnalysis of(Experiment experiment, Map<String, List<GroupChange>> measured, int unmeasured,
      boolean running) {
    List<Double> control = changes(measured.getOrDefault(experiment.control(), List.of()));
    List<ArmResult> results = new ArrayList<>();
    List<String> warnings = new ArrayList<>();
    int total = 0;
    boolean tooFewPerArm = false;
    for (Arm arm : ordered(experiment)) {
      List<GroupChange> groups = measured.getOrDefault(arm.name(), List.of());
      List<Double> changes = changes(groups);
      total += groups.size();
      if (groups.size() < MIN_GROUPS_PER_ARM) {
        tooFewPerArm = true;
        warnings.add(String.format(Locale.ROOT, "arm '%s' has %d measured groups; a winner needs at least %d in every arm",
            arm.name(), groups.size(), MIN_GROUPS_PER_ARM));
      }
      Optional<Comparison> comparison = arm.name().equals(experiment.control()) ? Optional.empty()
          : ClusterWelch.compare(control, changes);
      results.add(new ArmResult(arm.name(), arm.treatment(), groups.size(),
          ClusterWelch.mean(groups.stream().map(GroupChange::baseline).toList()),
          ClusterWelch.mean(groups.stream().map(GroupChange::during).toList()),
          ClusterWelch.mean(changes), ClusterWelch.standardDeviation(changes), comparison));
    }
    if (total < MIN_GROUPS) {
      warnings.add(0, String.format(Locale.ROOT, "%d groups are measured in all; a winner needs at least %d",
          total, MIN_GROUPS));
    }
    if (unmeasured > 0) {
      warnings.add(String.format(Locale.ROOT,
          "%d assigned groups are left out: nothing was measured for them in the baseline period or since the start",
          unmeasured));
    }
    if (running) {
      warnings.add("the experiment is still running; the figures will move as reports come in");
    }
    if (results.size() > 2) {
      warnings.add("each arm is compared with the control at 95% on its own; with several arms, one of them may "
          + "clear zero by chance");
    }
    if (total < MIN_GROUPS || tooFewPerArm) {
      return new ExperimentAnalysis(results, Optional.empty(), "No winner: too few groups to tell the arms apart",
          warnings);
    }
    return decide(experiment, results, warnings);
  }

  private static ExperimentAnalysis decide(Experiment experiment, List<ArmResult> results, List<String> warnings) {
    ArmResult best = null;
    boolean controlBeatsAll = true;
    for (ArmResult result : results) {
      if (result.againstControl().isEmpty()) {
        continue;
      }
      Comparison comparison = result.againstControl().get();
      if (comparison.direction() > 0 && (best == null
          || comparison.difference() > best.againstControl().get().difference())) {
        best = result;
      }
      controlBeatsAll &= comparison.direction() < 0;
    }
    if (best != null) {
      return new ExperimentAnalysis(results, Optional.of(best.arm()), String.format(Locale.ROOT,
          "'%s' beat the control '%s': its interval lies above zero", best.arm(), experiment.control()), warnings);
    }
    if (controlBeatsAll && results.size() > 1) {
      return new ExperimentAnalysis(results, Optional.of(experiment.control()), String.format(Locale.ROOT,
          "The control '%s' beat every other arm: their intervals lie below zero", experiment.control()), warnings);
    }
    return new ExperimentAnalysis(results, Optional.empty(),
        "No winner: every interval covers zero, so no difference is shown at 95%", warnings);
  }

  private static List<Arm> ordered(Experiment experiment) {
    List<Arm> arms = new ArrayList<>();
    experiment.arm(experiment.control()).ifPresent(arms::add);
    experiment.arms().stream().filter(arm -> !arm.name().equals(experiment.control())).forEach(arms::add);
    return arms;
  }

  private static List<Double> changes(List<GroupChange> groups) {
    return groups.stream().map(GroupChange::change).toList();
  }
}

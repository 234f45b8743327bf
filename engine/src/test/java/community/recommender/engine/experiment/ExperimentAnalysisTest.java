package community.recommender.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExperimentAnalysisTest {
  private static final Experiment EXPERIMENT = new Experiment("exp", "Evening stories", 
      new Population(List.of(), List.of(), null, List.of(), List.of(), List.of()),
      List.of(new Arm("champion", 1, Treatment.ACTIVE), new Arm("challenger", 1, Treatment.version(2))),
      "champion", Metric.INTERACTIONS, Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-07-01T00:00:00Z"),
      28, null, "operator", Instant.parse("2026-05-30T00:00:00Z"));

  @Test
  void of_findsAKnownEffectAndNamesTheWinner() {
    Random random = new Random(42);
    Map<String, List<GroupChange>> measured = Map.of(
        "champion", groups("c", 20, 0.0, random),
        "challenger", groups("t", 20, 1.5, random));

    ExperimentAnalysis analysis = ExperimentAnalysis.of(EXPERIMENT, measured, 0, false);

    Comparison comparison = analysis.arms().get(1).againstControl().orElseThrow();
    assertTrue(comparison.low() > 0, "the interval should lie above zero: " + comparison);
    assertTrue(comparison.low() < 1.5 && comparison.high() > 1.5, "the interval should cover the true 1.5: " + comparison);
    assertTrue(comparison.pValue() < 0.01, "p = " + comparison.pValue());
    assertEquals(Optional.of("challenger"), analysis.winner());
  }

  @Test
  void of_withNoEffectCoversZeroInAbout95PercentOf200Repetitions() {
    int covered = 0;
    for (int seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      Map<String, List<GroupChange>> measured = Map.of(
          "champion", groups("c", 15, 0.0, random),
          "challenger", groups("t", 12, 0.0, random));
      Comparison comparison = ExperimentAnalysis.of(EXPERIMENT, measured, 0, false).arms().get(1)
          .againstControl().orElseThrow();
      covered += comparison.low() <= 0 && comparison.high() >= 0 ? 1 : 0;
    }
    // 95% of 200 is 190; a binomial spread of about 3 leaves 182 to 198 for a true 95% interval.
    assertTrue(covered >= 182 && covered <= 198, covered + " of 200 intervals covered zero");
  }

  @Test
  void of_namesNoWinnerBelowTwentyGroupsEvenWithAClearEffect() {
    Random random = new Random(5);
    Map<String, List<GroupChange>> measured = Map.of(
        "champion", groups("c", 9, 0.0, random),
        "challenger", groups("t", 9, 5.0, random));

    ExperimentAnalysis analysis = ExperimentAnalysis.of(EXPERIMENT, measured, 3, true);

    assertTrue(analysis.arms().get(1).againstControl().orElseThrow().low() > 0);
    assertEquals(Optional.empty(), analysis.winner());
    assertTrue(analysis.verdict().startsWith("No winner"), analysis.verdict());
    assertTrue(analysis.warnings().get(0).contains("18 groups are measured in all"), analysis.warnings().toString());
    assertTrue(analysis.warnings().stream().anyMatch(w -> w.contains("3 assigned groups are left out")));
    assertTrue(analysis.warnings().stream().anyMatch(w -> w.contains("still running")));
  }

  @Test
  void of_namesNoWinnerWhenOneArmHasFewerThanSixGroups() {
    Random random = new Random(9);
    Map<String, List<GroupChange>> measured = Map.of(
        "champion", groups("c", 30, 0.0, random),
        "challenger", groups("t", 5, 5.0, random));

    ExperimentAnalysis analysis = ExperimentAnalysis.of(EXPERIMENT, measured, 0, false);

    assertEquals(Optional.empty(), analysis.winner());
    assertTrue(analysis.warnings().stream().anyMatch(w -> w.contains("arm 'challenger' has 5 measured groups")));
  }

  @Test
  void of_comparesChangesFromBaselineSoBigGroupsDoNotDominate() {
    List<GroupChange> champion = new ArrayList<>();
    List<GroupChange> challenger = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // The challenger's groups happen to be far busier, but moved exactly as much as the champion's.
      champion.add(new GroupChange("c" + i, 1.0 + i * 0.01, 1.5 + i * 0.01));
      challenger.add(new GroupChange("t" + i, 9.0 + i * 0.02, 9.5 + i * 0.02));
    }

    ExperimentAnalysis analysis = ExperimentAnalysis.of(EXPERIMENT,
        Map.of("champion", champion, "challenger", challenger), 0, false);

    Comparison comparison = analysis.arms().get(1).againstControl().orElseThrow();
    assertEquals(0.0, comparison.difference(), 1e-9);
    assertFalse(analysis.winner().isPresent());
  }

  @Test
  void compare_needsTwoGroupsOnEachSide() {
    assertTrue(ClusterWelch.compare(List.of(1.0), List.of(1.0, 2.0)).isEmpty());
  }

  private static List<GroupChange> groups(String prefix, int count, double effect, Random random) {
    List<GroupChange> groups = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      double baseline = 2 + random.nextDouble() * 3;
      groups.add(new GroupChange(prefix + i, baseline, baseline + effect + random.nextGaussian()));
    }
    return groups;
  }
}

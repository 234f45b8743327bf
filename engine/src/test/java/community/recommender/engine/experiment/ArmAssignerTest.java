package community.recommender.engine.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import community.recommender.engine.model.Stage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ArmAssignerTest {
  private static final List<Arm> ARMS = List.of(
      new Arm("champion", 45, Treatment.ACTIVE),
      new Arm("challenger", 45, Treatment.version(2)),
      new Arm("holdout", 10, Treatment.HOLDOUT));

  @Test
  void assignAll_givesTheSameArmsWhateverOrderThePopulationIsListedIn() {
    Map<String, Stratum> population = population(200, new Random(7));
    List<String> ids = new ArrayList<>(population.keySet());
    Collections.shuffle(ids, new Random(3));
    Map<String, Stratum> shuffled = new LinkedHashMap<>();
    ids.forEach(id -> shuffled.put(id, population.get(id)));

    assertEquals(ArmAssigner.assignAll("exp-1", ARMS, population), ArmAssigner.assignAll("exp-1", ARMS, shuffled));
  }

  @Test
  void assignAll_dealsOtherArmsInAnotherExperiment() {
    Map<String, Stratum> population = population(200, new Random(7));

    Map<String, String> first = ArmAssigner.assignAll("exp-1", ARMS, population);
    Map<String, String> second = ArmAssigner.assignAll("exp-2", ARMS, population);

    long same = first.keySet().stream().filter(id -> first.get(id).equals(second.get(id))).count();
    assertTrue(same < 170, "two experiments should not deal nearly the same arms, but " + same + " of 200 agree");
  }

  @Test
  void assignAll_keepsEveryStratumWithinOneGroupOfItsWeightedShare() {
    Map<String, Stratum> population = population(500, new Random(11));

    Map<String, String> assigned = ArmAssigner.assignAll("exp-balance", ARMS, population);

    Map<Stratum, Map<String, Integer>> counts = new HashMap<>();
    population.forEach((id, stratum) ->
        counts.computeIfAbsent(stratum, s -> new HashMap<>()).merge(assigned.get(id), 1, Integer::sum));
    counts.forEach((stratum, byArm) -> {
      int size = byArm.values().stream().mapToInt(Integer::intValue).sum();
      for (Arm arm : ARMS) {
        double share = size * arm.weight() / 100.0;
        int got = byArm.getOrDefault(arm.name(), 0);
        assertTrue(Math.abs(got - share) <= 1.0 + 1e-9,
            stratum + ": arm " + arm.name() + " got " + got + " of " + size + ", its share is " + share);
      }
    });
  }

  @Test
  void pick_sendsALateGroupToTheArmFurthestBelowItsShare() {
    Map<String, Integer> counts = Map.of("champion", 9, "challenger", 5, "holdout", 2);

    assertEquals("challenger", ArmAssigner.pick("exp-1", ARMS, counts, "late-group").name());
  }

  @Test
  void pick_breaksTiesByTheHashSoEachGroupAlwaysGetsTheSameArm() {
    List<Arm> even = List.of(new Arm("a", 1, Treatment.ACTIVE), new Arm("b", 1, Treatment.version(3)));
    Map<String, Integer> none = Map.of();
    int toA = 0;
    for (int i = 0; i < 200; i++) {
      String group = "g-" + i;
      String arm = ArmAssigner.pick("exp-ties", even, none, group).name();
      assertEquals(arm, ArmAssigner.pick("exp-ties", even, none, group).name());
      toA += arm.equals("a") ? 1 : 0;
    }
    assertTrue(toA > 70 && toA < 130, "ties should split about evenly, but " + toA + " of 200 went to a");
  }

  private static Map<String, Stratum> population(int size, Random random) {
    Map<String, Stratum> population = new LinkedHashMap<>();
    Stage[] stages = Stage.values();
    String[] sizes = {"<50", "50-199", "200-999", "1000+"};
    for (int i = 0; i < size; i++) {
      population.put("group-" + i, new Stratum(stages[random.nextInt(3)], sizes[random.nextInt(2)]));
    }
    return population;
  }
}

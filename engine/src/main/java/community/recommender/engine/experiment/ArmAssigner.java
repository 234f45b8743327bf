package community.recommender.engine.experiment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Deals groups to arms: deterministic from a hash of the experiment and the group, and balanced
 * within each stratum by the arms' weights.
 *
 * <p>A group goes to the arm furthest below its weighted share of the stratum once the group is
 * counted; ties go to the arm the hash of experiment, group and arm ranks first. Dealing a whole
 * population takes each stratum's groups in the order of their hash, so the same population always
 * gets the same arms, whatever order it was listed in. A group that joins later is dealt against
 * the stratum's counts at that moment, so strata stay balanced as the population grows.
 */
public final class ArmAssigner {
  private ArmAssigner() {}

  /** The arm for {@code groupId}, given how many groups of its stratum each arm already has. */
  public static Arm pick(String experimentId, List<Arm> arms, Map<String, Integer> countsInStratum, String groupId) {
    int total = arms.stream().mapToInt(Arm::weight).sum();
    int assigned = countsInStratum.values().stream().mapToInt(Integer::intValue).sum() + 1;
    Arm best = null;
    double bestDeficit = 0;
    long bestTie = 0;
    for (Arm arm : arms) {
      double deficit = assigned * (double) arm.weight() / total - countsInStratum.getOrDefault(arm.name(), 0);
      long tie = hash(experimentId + "\u0000" + groupId + "\u0000" + arm.name());
      if (best == null || deficit > bestDeficit + 1e-9 || (Math.abs(deficit - bestDeficit) <= 1e-9 && tie < bestTie)) {
        best = arm;
        bestDeficit = deficit;
        bestTie = tie;
      }
    }
    return best;
  }

  /** Deals every group of a population, given each group's stratum; answers each group's arm by name. */
  public static Map<String, String> assignAll(String experimentId, List<Arm> arms, Map<String, Stratum> population) {
    Map<Stratum, List<String>> byStratum = new LinkedHashMap<>();
    population.forEach((group, stratum) -> byStratum.computeIfAbsent(stratum, s -> new ArrayList<>()).add(group));
    Map<String, String> assigned = new HashMap<>();
    for (List<String> groups : byStratum.values()) {
      groups.sort(Comparator.comparingLong((String group) -> hash(experimentId + "\u0000" + group))
          .thenComparing(Comparator.naturalOrder()));
      Map<String, Integer> counts = new HashMap<>();
      for (String group : groups) {
        Arm arm = pick(experimentId, arms, counts, group);
        counts.merge(arm.name(), 1, Integer::sum);
        assigned.put(group, arm.name());
      }
    }
    return assigned;
  }

  /** The first eight bytes of the SHA-256 of {@code text}, as a signed long. */
  static long hash(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      long value = 0;
      for (int i = 0; i < 8; i++) {
        value = (value << 8) | (digest[i] & 0xff);
      }
      return value;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}

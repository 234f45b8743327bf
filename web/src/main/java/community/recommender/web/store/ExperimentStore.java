package community.recommender.web.store;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.Stratum;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Experiments and the arm each of their groups was dealt. */
public interface ExperimentStore {

  /** One group's place in an experiment. */
  record Assignment(String groupId, String arm, String stratum, Instant assignedAt) {}

  /**
   * Stores {@code experiment} with the arms dealt to its population at {@code now}, all or none. A
   * group that another running experiment holds by then is left out.
   */
  Future<Void> create(Experiment experiment, Map<String, Assignment> assignments, Instant now);

  /** Every experiment, newest first. */
  Future<List<Experiment>> list();

  /** One experiment. */
  Future<Optional<Experiment>> find(String id);

  /** Stops a running experiment at {@code at}; empty when there is none with that id. */
  Future<Optional<Experiment>> stop(String id, Instant at);

  /** The groups of every experiment running at {@code now}. */
  Future<Set<String>> groupsInRunning(Instant now);

  /** Every group's arm in {@code experimentId}. */
  Future<List<Assignment>> assignments(String experimentId);

  /**
   * The mean reward of the posts each of {@code groupIds} made between {@code from} and {@code to} (by
   * when they were posted); a post without metrics counts as 0. Groups without posts are left out.
   */
  Future<Map<String, Double>> meanRewards(List<String> groupIds, Instant from, Instant to);

  /**
   * Deals {@code groupId} into {@code experiment} at {@code now} with {@code pick}, which is given the
   * counts per arm in the group's stratum. Answers the group's arm: the one it already had, the one
   * just dealt, or empty when another running experiment holds the group.
   */
  Future<Optional<String>> assignLate(Experiment experiment, String groupId, Stratum stratum,
      Function<Map<String, Integer>, Arm> pick, Instant now);
}

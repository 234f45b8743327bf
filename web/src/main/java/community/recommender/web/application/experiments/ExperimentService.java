package community.recommender.web.application.experiments;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.ArmAssigner;
import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.Stratum;
import community.recommender.engine.experiment.Treatment;
import community.recommender.engine.model.Group;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.application.playbook.RuleService;
import community.recommender.web.application.playbook.RuleVersionNotFound;
import community.recommender.web.store.ExperimentStore;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs experiments: creates them and deals their population, stops them, and tells each decision
 * which arm its group is in.
 *
 * <p>Decisions ask from memory: the experiments not yet over, each group's arm, and the rule sets the
 * arms run, compiled when the snapshot is taken. A group that joins a population after the start is
 * dealt on its first decision (one database transaction), and never again. Other nodes' changes
 * arrive with {@link #refresh()}, which the server runs every few seconds.
 */
public final class ExperimentService {
  private static final Logger LOG = LoggerFactory.getLogger(ExperimentService.class);
  private final ExperimentStore store;
  private final GroupStore groups;
  private final SuggestionStore suggestions;
  private final RuleService rules;
  private final Clock clock;
  private final AtomicReference<Snapshot> snapshot = new AtomicReference<>(Snapshot.EMPTY);
  /** Refreshes started, and the latest one whose snapshot was taken: an older read never replaces a newer. */
  private final AtomicLong refreshesStarted = new AtomicLong();
  private final AtomicLong refreshApplied = new AtomicLong();

  public ExperimentService(ExperimentStore store, GroupStore groups, SuggestionStore suggestions, RuleService rules,
      Clock clock) {
    this.store = store;
    this.groups = groups;
    this.suggestions = suggestions;
    this.rules = rules;
    this.clock = clock;
  }

  /** What decisions know of experiments: those not yet over, their groups' arms, their arms' rule sets. */
  private record Snapshot(List<Experiment> current, Map<String, Map<String, String>> arms, Map<Long, RuleSet> ruleSets) {
    static final Snapshot EMPTY = new Snapshot(List.of(), Map.of(), Map.of());
  }

  /** Checks {@code draft}, deals its population and stores it; it runs from its start. */
  public Future<CreatedExperiment> create(ExperimentDraft draft, String author) {
    Instant now = clock.instant();
    return compileArms(draft.arms()).compose(compiled -> {
      Experiment experiment = new Experiment(UUID.randomUUID().toString(), draft.name(), draft.population(),
          draft.arms(), draft.control(), draft.metric(), draft.startsAt(), draft.endsAt(), draft.baselineDays(),
          null, author, now);
      Instant judged = draft.startsAt().isAfter(now) ? draft.startsAt() : now;
      return store.groupsInRunning(judged).compose(taken -> groups.list(now).compose(all -> {
        Map<String, Stratum> population = new HashMap<>();
        int skipped = 0;
        for (Group group : all) {
          if (experiment.population().includes(group)) {
            if (taken.contains(group.getId())) {
              skipped++;
            } else {
              population.put(group.getId(), Stratum.of(group));
            }
          }
        }
        Map<String, String> dealt = ArmAssigner.assignAll(experiment.id(), experiment.arms(), population);
        Map<String, ExperimentStore.Assignment> assignments = new HashMap<>();
        Map<String, Integer> perArm = new HashMap<>();
        experiment.arms().forEach(arm -> perArm.put(arm.name(), 0));
        dealt.forEach((group, arm) -> {
          assignments.put(group, new ExperimentStore.Assignment(group, arm, population.get(group).key(), now));
          perArm.merge(arm, 1, Integer::sum);
        });
        int left = skipped;
        // Pending suggestions were decided outside the experiment: each dealt group is decided anew by its arm.
        return store.create(experiment, assignments, now)
            .compose(stored -> refresh())
            .compose(refreshed -> dealt.isEmpty() ? Future.succeededFuture()
                : suggestions.supersedePending(new ArrayList<>(dealt.keySet()),
                    "the group joined experiment '" + experiment.name() + "'"))
            .map(refreshed -> new CreatedExperiment(experiment, perArm, left));
      }));
    });
  }

  /** Every experiment, newest first. */
  public Future<List<Experiment>> list() {
    return store.list();
  }

  /** One experiment; fails with {@link ExperimentNotFound}. */
  public Future<Experiment> find(String id) {
    return store.find(id).map(found -> found.orElseThrow(() -> new ExperimentNotFound(id)));
  }

  /** Every group's arm in one experiment. */
  public Future<List<ExperimentStore.Assignment>> assignments(String id) {
    return find(id).compose(experiment -> store.assignments(id));
  }

  /** Stops an experiment now; its groups go back to the active rules. Stopping a stopped one changes nothing. */
  public Future<Experiment> stop(String id) {
    return store.stop(id, clock.instant())
        .map(found -> found.orElseThrow(() -> new ExperimentNotFound(id)))
        .compose(stopped -> refresh().map(stopped));
  }

  /** Reads the experiments again, with their groups' arms, and compiles the rule sets their arms run. */
  public Future<Void> refresh() {
    long ticket = refreshesStarted.incrementAndGet();
    Instant now = clock.instant();
    return store.list().compose(all -> {
      List<Experiment> current = all.stream().filter(e -> !e.isOver(now)).toList();
      List<Future<?>> loads = new ArrayList<>();
      Map<String, Map<String, String>> arms = new ConcurrentHashMap<>();
      Map<Long, RuleSet> ruleSets = new ConcurrentHashMap<>();
      for (Experiment experiment : current) {
        loads.add(store.assignments(experiment.id()).map(assigned -> {
          Map<String, String> byGroup = new ConcurrentHashMap<>();
          assigned.forEach(a -> byGroup.put(a.groupId(), a.arm()));
          arms.put(experiment.id(), byGroup);
          return null;
        }));
        for (Arm arm : experiment.arms()) {
          if (arm.treatment().kind() == Treatment.Kind.VERSION && !ruleSets.containsKey(arm.treatment().version())) {
            long version = arm.treatment().version();
            // An arm whose version no longer compiles decides with the active rules, and its reason says so.
            loads.add(rules.ruleSetOf(version)
                .map(ruleSet -> ruleSets.put(ruleSet.version(), ruleSet))
                .recover(e -> {
                  LOG.warn("experiment {} cannot compile rule-set version {}", experiment.id(), version, e);
                  return Future.succeededFuture();
                }));
          }
        }
      }
      return Future.all(loads).map(done -> {
        apply(ticket, new Snapshot(current, arms, Map.copyOf(ruleSets)));
        return null;
      });
    });
  }

  /** Takes {@code fresh} unless a refresh that started later was taken already. */
  private synchronized void apply(long ticket, Snapshot fresh) {
    if (ticket > refreshApplied.get()) {
      refreshApplied.set(ticket);
      snapshot.set(fresh);
    }
  }

  /**
   * The running experiment {@code group} is in at {@code now}, dealing it first when it belongs to a
   * running experiment's population and no running experiment holds it yet.
   */
  public Future<Optional<Enrolment>> enrolmentFor(Group group, Instant now) {
    Snapshot known = snapshot.get();
    Optional<Enrolment> held = enrolled(known, group.getId(), now);
    if (held.isPresent()) {
      return Future.succeededFuture(held);
    }
    for (Experiment experiment : known.current()) {
      if (experiment.isRunning(now) && experiment.population().includes(group)) {
        Stratum stratum = Stratum.of(group);
        return store.assignLate(experiment, group.getId(), stratum,
                counts -> ArmAssigner.pick(experiment.id(), experiment.arms(), counts, group.getId()), now)
            .map(arm -> {
              arm.ifPresent(name -> known.arms().computeIfAbsent(experiment.id(), id -> new ConcurrentHashMap<>())
                  .put(group.getId(), name));
              return arm.flatMap(name -> enrolment(known, experiment, name));
            });
      }
    }
    return Future.succeededFuture(Optional.empty());
  }

  /** The running experiment {@code groupId} was dealt into, from memory only. */
  public Optional<Enrolment> enrolmentOf(String groupId, Instant now) {
    return enrolled(snapshot.get(), groupId, now);
  }

  /**
   * The rule-set version {@code groupId}'s decisions run under when its arm runs a recorded one;
   * empty when it runs the active set.
   */
  public OptionalLong versionFor(String groupId, Instant now) {
    return enrolmentOf(groupId, now).flatMap(Enrolment::rules)
        .map(ruleSet -> OptionalLong.of(ruleSet.version())).orElse(OptionalLong.empty());
  }

  private static Optional<Enrolment> enrolled(Snapshot known, String groupId, Instant now) {
    for (Experiment experiment : known.current()) {
      String arm = known.arms().getOrDefault(experiment.id(), Map.of()).get(groupId);
      if (arm != null && experiment.isRunning(now)) {
        return enrolment(known, experiment, arm);
      }
    }
    return Optional.empty();
  }

  private static Optional<Enrolment> enrolment(Snapshot known, Experiment experiment, String armName) {
    return experiment.arm(armName).map(arm -> new Enrolment(experiment, arm,
        arm.treatment().kind() == Treatment.Kind.VERSION
            ? Optional.ofNullable(known.ruleSets().get(arm.treatment().version())) : Optional.empty()));
  }

  private Future<Void> compileArms(List<Arm> arms) {
    List<Future<?>> compiled = new ArrayList<>();
    for (int i = 0; i < arms.size(); i++) {
      Treatment treatment = arms.get(i).treatment();
      if (treatment.kind() == Treatment.Kind.VERSION) {
        String field = "arms[" + i + "].version";
        compiled.add(rules.ruleSetOf(treatment.version()).recover(e -> Future.failedFuture(
            e instanceof RuleVersionNotFound ? new ExperimentRejected(field, "there is no rule-set version "
                + treatment.version() + "; GET /api/v1/rules/versions lists them")
                : new ExperimentRejected(field, "rule-set version " + treatment.version()
                    + " does not compile any more: " + e.getMessage()))));
      }
    }
    return Future.all(compiled).mapEmpty();
  }
}

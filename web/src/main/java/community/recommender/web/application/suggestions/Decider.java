package community.recommender.web.application.suggestions;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.experiment.Treatment;
import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Reason;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RunawayRulesException;
import community.recommender.web.application.Workers;
import community.recommender.web.application.experiments.Enrolment;
import community.recommender.web.application.experiments.ExperimentService;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the decision pipeline for one group, on the decision workers and timed, under the rules its
 * experiment arm gives it (the active rules when it is in none); a runaway rule set fails that one
 * decision with {@link DecisionFailed}.
 *
 * <p>A group in an arm that runs a recorded version is decided by that version. A group held out is
 * decided by the active rules from {@code service}-tagged items only, so the rules still pace it.
 * Either way the decision's first reason names the experiment and the arm.
 */
public final class Decider {
  private static final Logger LOG = LoggerFactory.getLogger(Decider.class);

  private final RuleBook book;
  private final DecisionPipeline pipeline;
  private final DecisionPipeline holdout;
  private final ExperimentService experiments;
  private final Workers workers;
  private final DecisionTimer timer;

  /** {@code holdout} decides held-out groups: the same rules over service items only. */
  public Decider(RuleBook book, DecisionPipeline pipeline, DecisionPipeline holdout, ExperimentService experiments,
      Workers workers, DecisionTimer timer) {
    this.book = book;
    this.pipeline = pipeline;
    this.holdout = holdout;
    this.experiments = experiments;
    this.workers = workers;
    this.timer = timer;
  }

  /** The version of the rule set {@code groupId}'s decisions run under now: its arm's, or the active one. */
  public long versionFor(String groupId, Instant now) {
    return experiments.versionFor(groupId, now).orElse(book.active().version());
  }

  /** Decides what {@code group} should get at {@code now}, given what it was sent before. */
  public Future<Decided> decide(Group group, List<PastSuggestion> past, Instant now) {
    return decide(group, past, ExternalSends.NONE, now);
  }

  /** As {@link #decide(Group, List, Instant)}, counting what other senders sent against the group's quotas. */
  public Future<Decided> decide(Group group, List<PastSuggestion> past, ExternalSends external, Instant now) {
    return experiments.enrolmentFor(group, now).compose(enrolment -> workers.run(() -> {
      try {
        return new Decided(timer.time(() -> enrolment.map(e -> decideIn(e, group, past, external, now))
            .orElseGet(() -> pipeline.decide(group, past, external, now))), enrolment);
      } catch (RunawayRulesException e) {
        LOG.warn("decision for group {} failed", group.getId(), e);
        throw new DecisionFailed("the active rule set failed this decision: " + e.getMessage(), e);
      }
    }));
  }

  private Decision decideIn(Enrolment enrolment, Group group, List<PastSuggestion> past, ExternalSends external,
      Instant now) {
    String experiment = "experiment '" + enrolment.experiment().name() + "' (" + enrolment.experiment().id() + ")";
    String rule = "Experiment: " + enrolment.experiment().name();
    Treatment treatment = enrolment.arm().treatment();
    String arm = "The group is in arm '" + enrolment.arm().name() + "' of " + experiment;
    return switch (treatment.kind()) {
      case ACTIVE -> pipeline.decide(group, past, external, now)
          .withFirstReason(new Reason(rule, arm + ", which runs the active rules"));
      case VERSION -> enrolment.rules()
          .map(rules -> pipeline.decide(group, past, external, now, rules)
              .withFirstReason(new Reason(rule, arm + ", which runs rule-set version " + rules.version())))
          .orElseGet(() -> pipeline.decide(group, past, external, now).withFirstReason(new Reason(rule, arm
              + ", which runs rule-set version " + treatment.version() + "; that version cannot be compiled here, "
              + "so the active rules decided")));
      case HOLDOUT -> holdout.decide(group, past, external, now).withFirstReason(new Reason(rule, arm
          + ", which holds groups out: they get nothing but items tagged 'service'"));
    };
  }
}

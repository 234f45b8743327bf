package community.recommender.web.application.experiments;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.rules.RuleSet;
import java.util.Optional;

/**
 * A group's place in a running experiment: the experiment, its arm, and for an arm that runs a
 * recorded version, that version compiled.
 */
public record Enrolment(Experiment experiment, Arm arm, Optional<RuleSet> rules) {}

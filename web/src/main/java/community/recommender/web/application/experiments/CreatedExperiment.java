package community.recommender.web.application.experiments;

import community.recommender.engine.experiment.Experiment;
import java.util.Map;

/**
 * A new experiment and how its population was dealt.
 *
 * @param groupsPerArm how many groups each arm got
 * @param skipped groups of the population that another running experiment holds
 */
public record CreatedExperiment(Experiment experiment, Map<String, Integer> groupsPerArm, int skipped) {}

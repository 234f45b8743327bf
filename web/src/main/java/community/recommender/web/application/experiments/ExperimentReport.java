package community.recommender.web.application.experiments;

import community.recommender.engine.experiment.Experiment;
import community.recommender.engine.experiment.ExperimentAnalysis;
import java.time.Instant;

/**
 * An experiment's report: the periods it compares and the analysis of its arms.
 *
 * @param baselineFrom the start of the baseline period
 * @param from the experiment's start, where the baseline period ends
 * @param to the end of the measured period: now, or the end if it is over
 */
public record ExperimentReport(Experiment experiment, Instant baselineFrom, Instant from, Instant to,
    ExperimentAnalysis analysis) {}

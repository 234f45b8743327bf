package community.recommender.engine.experiment;

import java.util.Optional;

/**
 * What one arm came to: how many groups it measured, their mean and spread of change from baseline,
 * and, for every arm but the control, the comparison with the control.
 */
public record ArmResult(String arm, Treatment treatment, int groups, double meanBaseline, double meanDuring,
    double meanChange, double spreadOfChange, Optional<Comparison> againstControl) {}

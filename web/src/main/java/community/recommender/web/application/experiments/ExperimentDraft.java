package community.recommender.web.application.experiments;

import community.recommender.engine.experiment.Arm;
import community.recommender.engine.experiment.Metric;
import community.recommender.engine.experiment.Population;
import java.time.Instant;
import java.util.List;

/** An experiment as an operator proposes it, before it has an id and groups. */
public record ExperimentDraft(String name, Population population, List<Arm> arms, String control, Metric metric,
    Instant startsAt, Instant endsAt, int baselineDays) {}

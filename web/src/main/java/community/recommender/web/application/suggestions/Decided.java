package community.recommender.web.application.suggestions;

import community.recommender.engine.decision.Decision;
import community.recommender.web.application.experiments.Enrolment;
import java.util.Optional;

/** A decision, and the experiment arm it was made under, if the group is in a running experiment. */
public record Decided(Decision decision, Optional<Enrolment> enrolment) {}

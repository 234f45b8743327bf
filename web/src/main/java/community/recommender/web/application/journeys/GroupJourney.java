package community.recommender.web.application.journeys;

import community.recommender.engine.journey.Journey;

/**
 * One group's journey, with the group's name and the rule set it ran under.
 *
 * @param journey the simulated decisions
 * @param name the group's name
 * @param ruleSetVersion the active set's version, or -1 for a proposal
 */
public record GroupJourney(Journey journey, String name, long ruleSetVersion) {}

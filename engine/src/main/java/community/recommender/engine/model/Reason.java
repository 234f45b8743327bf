package community.recommender.engine.model;

/** One line of an explanation: the rule that shaped a decision and what it said. */
public record Reason(String rule, String message) {}

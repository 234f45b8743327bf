package community.recommender.engine.rules;

/** The rule set that serves decisions, with the version under which it was activated. */
public record RuleSet(long version, CompiledRules rules) {}

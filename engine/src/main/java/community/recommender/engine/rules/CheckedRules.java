package community.recommender.engine.rules;

import java.util.List;

/** A rule set that parsed, compiled and passed the sandbox, but none of whose code has been loaded. */
public record CheckedRules(List<RuleSource> sources, String contentHash, List<String> ruleNames) {

  public CheckedRules {
    sources = List.copyOf(sources);
    ruleNames = List.copyOf(ruleNames);
  }
}

package community.recommender.engine.rules;

import java.util.List;
import org.kie.api.KieBase;

/**
 * A rule set that compiled cleanly but is not yet serving decisions.
 *
 * @param sessions its rule base, with the sessions decisions reuse on it
 */
public record CompiledRules(List<RuleSource> sources, String contentHash, SessionPool sessions) {

  public CompiledRules {
    sources = List.copyOf(sources);
  }

  /** The compiled rule base. */
  public KieBase kieBase() {
    return sessions.kieBase();
  }

  /** The names of every rule in the set, sorted. */
  public List<String> ruleNames() {
    return ruleNamesOf(kieBase());
  }

  /** The names of every rule in {@code kieBase}, sorted. */
  static List<String> ruleNamesOf(KieBase kieBase) {
    return kieBase.getKiePackages().stream()
        .flatMap(p -> p.getRules().stream())
        .map(org.kie.api.definition.rule.Rule::getName)
        .sorted()
        .toList();
  }
}

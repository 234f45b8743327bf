package community.recommender.engine.rules;

import community.recommender.engine.model.RuleOutcome;
import java.util.List;

/** What one rule stage produced: the outcomes its rules inserted, and the names of the rules that fired. */
public record StageResult(List<RuleOutcome> outcomes, List<String> firedRules) {

  public StageResult {
    outcomes = List.copyOf(outcomes);
    firedRules = List.copyOf(firedRules);
  }

  /** The outcomes of one type. */
  public <T> List<T> only(Class<T> type) {
    return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

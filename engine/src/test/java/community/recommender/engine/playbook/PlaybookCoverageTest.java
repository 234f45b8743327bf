package community.recommender.engine.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every rule in {@code rules/} has a test named after it, and every such test names a real rule. */
class PlaybookCoverageTest {
  private static final List<Class<?>> RULE_TESTS = List.of(PlaybookSettingsRulesTest.class, NeedsCycleRulesTest.class, NeedsPacingRulesTest.class,
      CandidatesGoodwillRulesTest.class, CandidatesVarietyRulesTest.class, CandidatesFitRulesTest.class);

  @Test
  void playbook_hasOneTestPerRule_andEveryTestNamesARealRule() {
    Set<String> tested = new TreeSet<>();
    for (Class<?> type : RULE_TESTS) {
      for (Method method : type.getDeclaredMethods()) {
        RuleUnderTest name = method.getAnnotation(RuleUnderTest.class);
        if (name != null) {
          tested.add(name.value());
        }
      }
    }

    assertThat(tested).isEqualTo(Playbook.ruleNames());
    assertThat(tested).hasSizeGreaterThanOrEqualTo(15);
  }
}

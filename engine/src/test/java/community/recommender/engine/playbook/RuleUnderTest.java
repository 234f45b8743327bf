package community.recommender.engine.playbook;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the playbook rule a test pins, exactly as the rule is named in {@code rules/}.
 *
 * <p>Test methods follow the project's {@code subject_behaviour} naming; a rule's name is a sentence
 * with punctuation, so it is kept here, where {@link PlaybookCoverageTest} checks that every rule has
 * a test and every named rule exists.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface RuleUnderTest {

  /** The rule's name, such as {@code "Never sell to a quiet group"}. */
  String value();
}

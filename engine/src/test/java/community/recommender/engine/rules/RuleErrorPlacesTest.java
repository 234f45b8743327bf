package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import community.recommender.engine.rules.sandbox.Allowlist;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every problem names the line and column of the mistake itself, in plain words first. */
class RuleErrorPlacesTest {
  private static final String HEADER = """
      package playbook.x
      import community.recommender.engine.model.*
      ruleflow-group "needs"
      """;

  private final RuleBook book = new RuleBook();

  private List<RuleError> errorsOf(RuleBook book, String file, String text) {
    try {
      book.check(List.of(new RuleSource(file, text)));
    } catch (RuleCompilationException e) {
      return e.errors();
    }
    throw new AssertionError("expected " + file + " to be refused");
  }

  @Test
  void misspeltField_isNamedAtItsColumn_withTheFieldItMeant() {
    List<RuleError> errors = errorsOf(book, "needs-x.drl", HEADER + """
        rule "Typo"
        when
            $g : Group( activty.band == ActivityBand.QUIET )
        then
        end
        """);

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.toString()).startsWith("needs-x.drl:6:17: Group has no field 'activty'; did you mean 'activity'?");
      assertThat(e.message()).contains("(Drools: ");
    });
  }

  @Test
  void enumValueWithoutItsType_isNamedAsSuch() {
    List<RuleError> errors = errorsOf(book, "trend.drl", HEADER + """
        rule "Falling"
        when
            Group( activity.trend == FALLING )
        then
        end
        """);

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(6);
      assertThat(e.column()).isEqualTo(30);
      assertThat(e.message()).startsWith("'FALLING' needs its type in front: write Trend.FALLING");
    });
  }

  @Test
  void wrongArgumentInAConsequence_isPlacedInTheConsequence_notAtTheRuleHeader() {
    List<RuleError> errors = errorsOf(book, "types.drl", HEADER + """
        rule "Wrong urgency"
        when
            Group()
        then
            insert( Need.of(ContentKind.POST).urgency("high") );
        end
        """);

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(8);
      assertThat(e.column()).isEqualTo(39);
      assertThat(e.message()).contains("urgency(int)").contains("String");
    });
  }

  @Test
  void refusedCall_isPlacedAtTheCall_byTheCompiledCodeCheckAlone() {
    RuleBook verifierOnly = new RuleBook(RuleSetLimits.DEFAULT, Allowlist.standard(), false);
    List<RuleError> errors = errorsOf(verifierOnly, "exit.drl", HEADER + """
        rule "Leave"
        when
            Group()
        then
            insert( new Note("bye") );
            System.exit(3);
        end
        """);

    assertThat(errors).singleElement().hasToString("exit.drl:9:12: calls java.lang.System.exit, which rules may not use");
  }

  @Test
  void loopInAConsequence_isRefusedAtTheLoop() {
    RuleBook verifierOnly = new RuleBook(RuleSetLimits.DEFAULT, Allowlist.standard(), false);
    List<RuleError> errors = errorsOf(verifierOnly, "loop.drl", HEADER + """
        rule "Count"
        when
            Group()
        then
            int i = 0;
            while (i < 10) { i++; }
        end
        """);

    assertThat(errors).singleElement().satisfies(e -> {
      assertThat(e.line()).isEqualTo(9);
      assertThat(e.column()).isEqualTo(5);
      assertThat(e.message()).contains("loops");
    });
  }

  @Test
  void fileOverTheSizeLimit_isRefusedAsTooLarge_beforeParsing() {
    RuleBook small = new RuleBook(new RuleSetLimits(1_000, 10_000, 100, Duration.ofSeconds(60)), Allowlist.standard());
    String big = HEADER + "// " + "x".repeat(2_000) + "\n";

    assertThatThrownBy(() -> small.check(List.of(new RuleSource("big.drl", big))))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.tooLarge()).isTrue();
          assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.message()).contains("at most 1000"));
        });
  }

  @Test
  void setWithTooManyRules_isRefused() {
    RuleBook few = new RuleBook(new RuleSetLimits(100_000, 100_000, 2, Duration.ofSeconds(60)), Allowlist.standard());
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 3; i++) {
      text.append("rule \"R").append(i).append("\"\nwhen\n    Group()\nthen\nend\n");
    }

    assertThatThrownBy(() -> few.check(List.of(new RuleSource("many.drl", text.toString()))))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.tooLarge()).isFalse();
          assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.message()).contains("3 rules; at most 2"));
        });
  }

  @Test
  void unicodeEscape_isRefusedWhereItIs() {
    List<RuleError> errors = errorsOf(book, "escape.drl", HEADER + """
        rule "Hidden"
        when
            Group()
        then
            // \\u000a insert( new Note("x") );
        end
        """);

    assertThat(errors).singleElement().hasToString(
        "escape.drl:8:8: unicode escapes (\\u...) are not allowed in rules; write the character itself");
  }
}

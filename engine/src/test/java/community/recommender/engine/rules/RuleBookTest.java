package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleBookTest {
  private final RuleBook book = new RuleBook();

  @Test
  void defaultPlaybook_compiles() throws Exception {
    CompiledRules rules = book.compile(new RuleFolder(Path.of("..", "rules")).read());

    assertThat(rules.ruleNames()).contains("Wake a quiet group with interaction before any offer", "Never sell to a quiet group");
    assertThat(rules.contentHash()).hasSize(64);
  }

  @Test
  void syntaxError_isReportedWithFileLineAndColumn() {
    List<RuleSource> sources = new ArrayList<>(new RuleFolder(Path.of("..", "rules")).read());
    sources.add(new RuleSource("broken.drl", """
        package playbook.broken
        import community.recommender.engine.model.*

        rule "Broken"
        when
            Group( stage == )
        then
        end
        """));

    assertThatThrownBy(() -> book.compile(sources))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> {
          assertThat(e.errors()).isNotEmpty();
          assertThat(e.errors()).allSatisfy(error -> assertThat(error.file()).isEqualTo("broken.drl"));
          assertThat(e.errors().get(0).line()).isEqualTo(6);
          assertThat(e.errors().get(0).column()).isEqualTo(21);
          assertThat(e.errors().get(0).message()).startsWith("syntax error: unexpected ')'");
        });
  }

  @Test
  void unknownFactType_isReportedAgainstItsFile() {
    List<RuleSource> sources = List.of(new RuleSource("typo.drl", """
        package playbook.typo
        rule "Typo"
        when
            Grop()
        then
        end
        """));

    assertThatThrownBy(() -> book.compile(sources))
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.errors()).anySatisfy(error -> {
              assertThat(error.file()).isEqualTo("typo.drl");
              assertThat(error.message()).contains("Grop");
            }));
  }

  @Test
  void activation_swapsTheWholeSet_andAFailedCompileKeepsTheOldOne() throws Exception {
    CompiledRules first = book.compile(new RuleFolder(Path.of("..", "rules")).read());
    book.activate(first, 1);

    assertThatThrownBy(() -> book.compile(List.of(new RuleSource("bad.drl", "rule \"x\" when then"))))
        .isInstanceOf(RuleCompilationException.class);

    assertThat(book.active().version()).isEqualTo(1);
    assertThat(book.active().rules()).isSameAs(first);
  }

  @Test
  void sameSourcesCompiledAgain_reuseTheVerifiedRuleBase_evenInAnotherRuleBook() throws Exception {
    List<RuleSource> playbook = new RuleFolder(Path.of("..", "rules")).read();
    List<RuleSource> reversed = new ArrayList<>(playbook);
    java.util.Collections.reverse(reversed);

    CompiledRules first = book.compile(playbook);
    CompiledRules again = new RuleBook().compile(reversed);

    assertThat(again.kieBase()).isSameAs(first.kieBase());
    assertThat(again.sources()).isEqualTo(reversed);
    assertThat(again.contentHash()).isEqualTo(first.contentHash());
  }

  @Test
  void oneCharacterChanged_orAnotherAllowlist_compilesAfresh() throws Exception {
    RuleSource live = new RuleSource("live.drl", """
        package playbook.live
        import community.recommender.engine.model.*
        rule "Live rule"
        when
            Group()
        then
            insert( new Note("alive") );
        end
        """);
    CompiledRules first = book.compile(List.of(live));

    CompiledRules edited = book.compile(List.of(new RuleSource("live.drl", live.text().replace("alive", "alivE"))));
    CompiledRules underAnotherList = new RuleBook(RuleSetLimits.DEFAULT,
        community.recommender.engine.rules.sandbox.Allowlist.standard().with("java.util.concurrent.atomic.AtomicInteger", "get")).compile(List.of(live));

    assertThat(edited.kieBase()).isNotSameAs(first.kieBase());
    assertThat(underAnotherList.kieBase()).isNotSameAs(first.kieBase());
  }

  @Test
  void refusedSet_isRefusedAgainWithTheSameErrors_byTheCheckAndByAnotherBook() throws Exception {
    List<RuleSource> typo = List.of(new RuleSource("typo-again.drl", """
        package playbook.typo
        rule "Typo"
        when
            Grop()
        then
        end
        """));
    List<RuleError> first = refusal(() -> book.compile(typo));

    assertThat(refusal(() -> new RuleBook().compile(typo))).isEqualTo(first).isNotEmpty();
    assertThat(refusal(() -> book.check(typo))).isEqualTo(first);
  }

  private static List<RuleError> refusal(org.assertj.core.api.ThrowableAssert.ThrowingCallable compiling) {
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(compiling);
    assertThat(thrown).isInstanceOf(RuleCompilationException.class);
    return ((RuleCompilationException) thrown).errors();
  }

  @Test
  void setCompiledBefore_isStillRefused_byABookWithTighterLimits() throws Exception {
    List<RuleSource> playbook = new RuleFolder(Path.of("..", "rules")).read();
    book.compile(playbook);
    RuleBook few = new RuleBook(new RuleSetLimits(100_000, 1_000_000, 2, java.time.Duration.ofSeconds(60)),
        community.recommender.engine.rules.sandbox.Allowlist.standard());

    assertThatThrownBy(() -> few.compile(playbook))
        .isInstanceOfSatisfying(RuleCompilationException.class,
            e -> assertThat(e.errors()).singleElement().satisfies(err -> assertThat(err.message()).contains("at most 2")));
  }

  @Test
  void hash_ignoresOrderButSeesEveryCharacter() {
    RuleSource a = new RuleSource("a.drl", "package a");
    RuleSource b = new RuleSource("b.drl", "package b");

    assertThat(RuleBook.hash(List.of(a, b))).isEqualTo(RuleBook.hash(List.of(b, a)));
    assertThat(RuleBook.hash(List.of(a, b)))
        .isNotEqualTo(RuleBook.hash(List.of(a, new RuleSource("b.drl", "package b "))));
  }
}

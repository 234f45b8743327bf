package community.recommender.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DrlSafetyCheckTest {

  @Test
  void allowlistedImports_pass() {
    RuleSource safe = source("""
        package playbook
        import community.recommender.engine.model.*
        import community.recommender.engine.model.Group
        import java.util.List
        import java.time.Duration
        import java.lang.Math
        """);

    assertThat(DrlSafetyCheck.check(safe)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "import java.io.File|import java.io.File is not allowed",
      "import java.util.concurrent.Executors|import java.util.concurrent.Executors is not allowed",
      "import community.recommender.engine.rules.RuleBook|is not allowed",
      "import org.kie.api.runtime.KieSession|is not allowed",
      "import function java.lang.System.exit|'import function' is not allowed",
      "import static java.lang.Math.max|'import static' is not allowed"})
  void importsOutsideTheAllowlist_areRefused(String line, String message) {
    List<RuleError> errors = DrlSafetyCheck.check(source("package playbook\n" + line + "\n"));

    assertThat(errors).isNotEmpty();
    assertThat(errors.get(0).line()).isEqualTo(2);
    assertThat(errors.get(0).column()).isEqualTo(1);
    assertThat(errors.get(0).message()).contains(message);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "System.exit(1);|'System' is not allowed: rules may not touch the process",
      "Runtime.getRuntime().exec(\"rm\");|'Runtime' is not allowed",
      "new ProcessBuilder(\"sh\").start();|'ProcessBuilder' is not allowed",
      "new Thread(() -> {}).start();|'Thread' is not allowed: rules may not start threads",
      "Object o = $g.getClass();|'getClass' is not allowed: rules may not use reflection",
      "Object o = String.class;|'.class' is not allowed",
      "java.nio.file.Files.delete(null);|rules may use only the fact model",
      "new java.net.Socket(\"h\", 1);|'Socket' is not allowed: rules may not read or write files or use the network",
      "drools.getKieRuntime().halt();|rules may only read drools.getRule()",
      "while (true) { }|loops are not allowed",
      "for (int i = 0; i < 9; i++) { }|loops are not allowed"})
  void dangerousCode_isRefusedAtItsLine(String consequence, String message) {
    RuleSource rule = source("""
        package playbook
        import community.recommender.engine.model.*
        rule "Bad"
        when
            $g : Group()
        then
            %s
        end
        """.formatted(consequence));

    List<RuleError> errors = DrlSafetyCheck.check(rule);

    assertThat(errors).anySatisfy(error -> {
      assertThat(error.file()).isEqualTo("rule.drl");
      assertThat(error.line()).isEqualTo(7);
      assertThat(error.message()).contains(message);
    });
  }

  @Test
  void functionsAndGlobals_areRefused() {
    List<RuleError> errors = DrlSafetyCheck.check(source("""
        package playbook
        global java.util.List sink
        function void leak() { }
        """));

    assertThat(errors).extracting(RuleError::line).containsExactly(2, 3);
    assertThat(errors.get(1).message()).contains("function blocks are not allowed");
  }

  @Test
  void commentsAndStrings_mayMentionAnything() {
    RuleSource innocent = source("""
        package playbook
        import community.recommender.engine.model.*
        // System.exit is never called here; neither is new Thread()
        /* import java.io.File */
        rule "Don't trust System time or a File"
        when
            $g : Group()
        then
            insert( new Note("System, Runtime and while (true) are just words here") );
            drools.getRule();
        end
        """);

    assertThat(DrlSafetyCheck.check(innocent)).isEmpty();
  }

  @Test
  void ruleBook_refusesUnsafeFilesBeforeCompiling() {
    RuleSource unsafe = new RuleSource("unsafe.drl", """
        package playbook
        import community.recommender.engine.model.*
        rule "Exit"
        when
            Group()
        then
            System.exit(0);
        end
        """);

    assertThatThrownBy(() -> new RuleBook().compile(List.of(unsafe)))
        .isInstanceOfSatisfying(RuleCompilationException.class, e -> assertThat(e.errors())
            .singleElement().hasToString("unsafe.drl:7:5: 'System' is not allowed: rules may not touch the process or the JVM"));
  }

  private static RuleSource source(String text) {
    return new RuleSource("rule.drl", text);
  }
}

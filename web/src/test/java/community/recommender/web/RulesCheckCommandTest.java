package community.recommender.web;

import community.recommender.web.cli.Main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recommender rules check DIR}, as an operator's CI would run it. */
class RulesCheckCommandTest {
  @TempDir Path temp;

  @Test
  void thePlaybook_passes() {
    StringWriter out = new StringWriter();

    int exit = Main.run(new String[] {"rules", "check", TestServer.RULES.toString()}, new PrintWriter(out, true),
        new PrintWriter(new StringWriter(), true));

    assertThat(exit).isZero();
    assertThat(out.toString()).contains("no problems");
  }

  @Test
  void problems_arePrintedAsFileLineColumnMessage_andExitNonZero() throws Exception {
    Path rules = TestServer.copyOfRules(temp.resolve("rules"));
    Files.writeString(rules.resolve("bad.drl"), """
        package playbook.bad
        import community.recommender.engine.model.*
        rule "Tell the world"
        when
            Group()
        then
            System.out.println("hi");
        end
        """);
    StringWriter err = new StringWriter();

    int exit = Main.run(new String[] {"rules", "check", rules.toString()}, new PrintWriter(new StringWriter(), true),
        new PrintWriter(err, true));

    assertThat(exit).isEqualTo(1);
    assertThat(err.toString().lines().toList()).containsExactly(
        rules.resolve("bad.drl") + ":7:5: 'System' is not allowed: rules may not touch the process or the JVM",
        "1 problem");
  }
}

package community.recommender.web;

import community.recommender.web.cli.Main;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad start ends with one clear line and a non-zero exit, never a stack trace. */
class StartupFailureTest {
  @TempDir Path temp;

  @Test
  void unreachableDatabaseUrl_endsWithOneLineAndExitTwo() {
    Result result = serve("--database-url", "postgresql://nobody:secret@127.0.0.1:1/nothing",
        "--data-dir", temp.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.oneLine()).startsWith("error: cannot connect to PostgreSQL at 127.0.0.1:1/nothing");
  }

  @Test
  void unreadyLongerThanHalfTheShutdownBound_endsWithOneLineAndExitTwo() {
    Result result = serve("--shutdown-timeout-seconds=10", "--unready-seconds=6",
        "--data-dir", temp.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.oneLine())
        .isEqualTo("error: --unready-seconds must lie between 0 and half of --shutdown-timeout-seconds (10), not 6");
  }

  @Test
  void outcomeWindowBeyondThirtyDays_endsWithOneLineNamingTheOption() {
    Result result = serve("--outcome-window-hours=721", "--data-dir", temp.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.oneLine()).isEqualTo(
        "error: --outcome-window-hours (or $RECOMMENDER_OUTCOME_WINDOW_HOURS) must lie between 1 and 720, not 721");
  }

  @Test
  void unwritableDataDir_endsWithOneLineNamingIt() throws Exception {
    Path file = Files.writeString(temp.resolve("a-file"), "not a folder");

    Result result = serve("--data-dir", file.resolve("data").toString());

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.oneLine()).startsWith("error: data dir " + file.resolve("data")).contains("--data-dir");
  }

  @Test
  void rulesThatDoNotCompile_nameTheFileAndLine() throws Exception {
    Path rules = Files.createDirectories(temp.resolve("rules"));
    Files.writeString(rules.resolve("broken.drl"), """
        package playbook.broken
        import community.recommender.engine.model.*
        ruleflow-group "needs"

        rule "Half written"
        when
            Group( stage == )
        then
        end
        """);

    Result result = serve("--rules-dir", rules.toString(), "--data-dir", temp.resolve("data").toString(),
        "--database-url", TestDatabase.urlFor(temp.resolve("data")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.oneLine()).startsWith("error: rules in " + rules + " do not compile: broken.drl:7:");
  }

  @Test
  void rulesFolderWithAHostileFile_stopsTheStart_withoutRunningIt() throws Exception {
    Path rules = TestServer.copyOfRules(temp.resolve("hostile-rules"));
    Path marker = temp.resolve("declared.marker");
    Files.writeString(rules.resolve("hostile.drl"), """
        package playbook.hostile
        import community.recommender.engine.model.*
        ruleflow-group "needs"

        declare Evil
            made : Object = java.nio.file.Files.createFile(java.nio.file.Path.of("%s"))
        end
        """.formatted(marker));

    Result result = serve("--rules-dir", rules.toString(), "--data-dir", temp.resolve("hostile-data").toString(),
        "--database-url", TestDatabase.urlFor(temp.resolve("hostile-data")));

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.oneLine()).startsWith("error: rules in " + rules + " do not compile: hostile.drl:6:");
    assertThat(marker).doesNotExist();
  }

  /** Runs {@code serve} in this JVM; tests that get as far as the rules pass the test JVM's PostgreSQL. */
  private Result serve(String... options) {
    String[] args = new String[options.length + 3];
    args[0] = "serve";
    args[1] = "--port=0";
    args[2] = "--samples-dir=" + TestServer.SAMPLES;
    System.arraycopy(options, 0, args, 3, options.length);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new Result(exit, err.toString());
  }

  private record Result(int exitCode, String err) {
    /** The error output, checked to be exactly one line. */
    String oneLine() {
      assertThat(err.strip().lines()).hasSize(1);
      return err.strip();
    }
  }
}

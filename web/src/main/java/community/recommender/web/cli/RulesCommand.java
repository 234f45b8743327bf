package community.recommender.web.cli;

import community.recommender.engine.rules.CheckedRules;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleError;
import community.recommender.engine.rules.RuleFolder;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recommender rules}: the operator's offline tools for the playbook. */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work with rule files offline.",
    subcommands = RulesCommand.Check.class)
final class RulesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }

  /** {@code recommender rules check DIR}: the same safety check and compile the server runs, for CI. */
  @Command(name = "check", mixinStandardHelpOptions = true,
      description = "Check a folder of .drl files: prints file:line:column: message per problem; exit 1 on any.")
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "The rules folder to check.")
    Path dir;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        // Checked and verified, but never loaded: an operator's CI runs none of the rules' code.
        CheckedRules rules = new RuleBook().check(new RuleFolder(dir).read());
        int count = rules.ruleNames().size();
        out.println(dir + ": " + rules.sources().size() + " files, " + count + " rules, no problems");
        return ExitCode.DONE;
      } catch (RuleCompilationException e) {
        for (RuleError error : e.errors()) {
          err.println(dir.resolve(error.file()) + ":" + error.line() + ":" + error.column() + ": " + error.message());
        }
        err.println(e.errors().size() + (e.errors().size() == 1 ? " problem" : " problems"));
        return ExitCode.REFUSED;
      } catch (UncheckedIOException e) {
        err.println("error: " + e.getCause().getMessage());
        return ExitCode.FAILED;
      }
    }
  }
}

package community.recommender.web.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code recommender} command line: one launcher for the server and the operator's tools. */
@Command(
    name = "recommender",
    mixinStandardHelpOptions = true,
    version = "Community Recommender 0.1.0",
    description = "Tells community operators what to post next in each chat group, and why.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:everything asked for was done", "1:something was refused (a rejected file, a rule that"
        + " does not compile, a request the server refused)", "2:the command could not do its work (bad"
        + " arguments, no token, no server, a failed start)"},
    subcommands = {ServeCommand.class, ImportCommand.class, RulesCommand.class, TokenCommand.class,
        BackupCommand.class, RestoreCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line and answers its exit code; output goes to {@code out} and {@code err}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Main());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler((e, line, parsed) -> {
      line.getErr().println("error: " + e.getMessage());
      return e instanceof CliFailure failure ? failure.exitCode() : ExitCode.FAILED;
    });
    return cli.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "choose a command, such as 'serve'");
  }
}

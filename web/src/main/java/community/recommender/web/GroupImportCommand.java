package community.recommender.web;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recommender import-groups FILES…}: uploads group portraits from CSV or JSON files to a running server. */
@Command(name = "import-groups", mixinStandardHelpOptions = true,
    description = {"Create or replace groups from CSV or JSON files, each file all or nothing.",
        "Progress goes to standard error; the exit code is 1 when any file was rejected."})
final class GroupImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Group files: .csv with a header line, or .json arrays.")
  List<Path> files;

  @Option(names = "--server", defaultValue = "http://localhost:8080",
      description = "The running server (default: ${DEFAULT-VALUE}).")
  URI server;

  @Option(names = "--token",
      description = "An operator or admin token (default: $RECOMMENDER_TOKEN, else <home>/data/admin.token).")
  String token;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    GroupImportClient client = new GroupImportClient(server, CliToken.resolve(token, Home.directory()), err);
    GroupImportClient.Summary summary = client.importFiles(files);
    spec.commandLine().getOut().printf("%d of %d files imported: %d groups created, %d replaced%n",
        summary.files() - summary.rejectedFiles(), summary.files(), summary.created(), summary.replaced());
    return summary.complete() ? 0 : 1;
  }
}

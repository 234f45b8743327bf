package community.recommender.web.cli;

import community.recommender.web.server.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recommender backup FILE}: writes a consistent snapshot of all state, while servers keep running. */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = "Write a consistent snapshot of all state (groups, activity, content and media, rule versions,"
        + " suggestions and feedback, tokens as stored, gaps) to one file. Servers may keep running.")
final class BackupCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "The backup file to write (a zip); replaced when it exists.")
  Path file;

  @Option(names = "--data-dir", description = "The data dir of the embedded PostgreSQL to back up, whether its"
      + " server runs or not (default: <home>/data).")
  Path dataDir;

  @Option(names = "--database-url", description = "Back up this PostgreSQL instead, e.g."
      + " postgresql://user:pass@host:5432/db.")
  String databaseUrl;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    Backups.Summary summary = Backups.backup(dataDir != null ? dataDir : Home.directory().resolve("data"),
        databaseUrl, file, Clock.systemUTC());
    spec.commandLine().getOut().printf("Backed up %d tables (%d rows, schema version %s) to %s in %.1f s.%n",
        summary.tables(), summary.rows(), summary.schemaVersion(), file, (System.nanoTime() - started) / 1e9);
    return ExitCode.DONE;
  }
}

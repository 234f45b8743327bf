package community.recommender.web.cli;

import community.recommender.web.server.Backups;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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

  @Mixin DatabaseTarget database;

  @Override
  public Integer call() {
    long started = System.nanoTime();
    Backups.Summary summary = Backups.backup(database.dataDir(), database.databaseUrl, file,
        Clock.systemUTC());
    spec.commandLine().getOut().printf("Backed up %d tables (%d rows, schema version %s) to %s in %.1f s.%n",
        summary.tables(), summary.rows(), summary.schemaVersion(), file, (System.nanoTime() - started) / 1e9);
    return ExitCode.DONE;
  }
}

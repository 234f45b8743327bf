package community.recommender.web.cli;

import community.recommender.web.server.Backups;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code recommender restore FILE}: loads a backup into an empty database. */
@Command(name = "restore", mixinStandardHelpOptions = true,
    description = "Load a backup into an empty database: the embedded one of a data dir (made when new) or an"
        + " external one. A database that holds data is refused unless --force is given.")
final class RestoreCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(paramLabel = "FILE", description = "A file written by 'recommender backup'.")
  Path file;

  @Mixin DatabaseTarget database;

  @Option(names = "--force", description = "Delete everything the database holds first. Stop its servers before.")
  boolean force;

  @Override
  public Integer call() {
    if (!Files.isRegularFile(file)) {
      throw CliFailure.failed(file + " is not a file");
    }
    long started = System.nanoTime();
    Path target = database.dataDir();
    Backups.Summary summary = Backups.restore(target, database.databaseUrl, file, force);
    spec.commandLine().getOut().printf("Restored %d tables (%d rows, schema version %s, taken %s) into %s in %.1f s."
            + " Start the server on it; it rebuilds its content index.%n", summary.tables(), summary.rows(),
        summary.schemaVersion(), summary.createdAt(), database.databaseUrl != null ? "the database" : target,
        (System.nanoTime() - started) / 1e9);
    return ExitCode.DONE;
  }
}

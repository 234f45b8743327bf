package community.recommender.web.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The database a command works on: the embedded PostgreSQL of a data dir, or an external one. */
final class DatabaseTarget {
  @Option(names = "--data-dir", description = "The data dir whose embedded PostgreSQL to use, whether its server"
      + " runs or not (default: <home>/data).")
  Path dataDir;

  @Option(names = "--database-url", description = "An external PostgreSQL instead, e.g."
      + " postgresql://user:pass@host:5432/db.")
  String databaseUrl;

  /** The data dir given, else the home directory's. */
  Path dataDir() {
    return Home.dataDir(dataDir);
  }
}

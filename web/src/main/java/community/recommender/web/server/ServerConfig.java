package community.recommender.web.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the server needs to start, read once from the command line.
 *
 * @param port the HTTP port; 0 picks a free one
 * @param dataDir where the embedded PostgreSQL, the content index and the admin token live
 * @param databaseUrl an external PostgreSQL as {@code postgresql://user:pass@host:port/db}, or null
 *     for the embedded one
 * @param rulesDir the folder of {@code .drl} files
 * @param samplesDir the demo content library
 * @param demo whether to load the demo groups and content into an empty database
 */
public record ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo) {

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(rulesDir, "rulesDir");
    Objects.requireNonNull(samplesDir, "samplesDir");
  }
}

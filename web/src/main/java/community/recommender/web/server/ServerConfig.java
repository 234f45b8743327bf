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
 * @param maxUploadBytes the most bytes one content upload request may have
 * @param maxFileBytes the most bytes one uploaded file, or one file inside an archive, may have
 */
public record ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo,
    long maxUploadBytes, long maxFileBytes) {

  /** 20 MiB per upload request. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
  /** 5 MiB per file. */
  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

  /** A configuration with the default upload limits. */
  public ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo) {
    this(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_FILE_BYTES);
  }

  public ServerConfig {
    if (maxUploadBytes < 1 || maxFileBytes < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(rulesDir, "rulesDir");
    Objects.requireNonNull(samplesDir, "samplesDir");
  }
}

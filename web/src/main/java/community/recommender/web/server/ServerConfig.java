package community.recommender.web.server;

import java.nio.file.Path;
import java.time.Duration;
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
 * @param delivery how suggestions are handed to chat tools
 */
public record ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo,
    Delivery delivery) {

  public ServerConfig {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(rulesDir, "rulesDir");
    Objects.requireNonNull(samplesDir, "samplesDir");
    Objects.requireNonNull(delivery, "delivery");
  }

  /** A configuration with the default delivery settings. */
  public ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo) {
    this(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, Delivery.DEFAULTS);
  }

  /** This configuration with other delivery settings. */
  public ServerConfig with(Delivery other) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, other);
  }

  /**
   * How suggestions are handed to chat tools.
   *
   * @param pendingTtl how long a pending suggestion serves before a poll decides anew
   * @param requestsPerSecond the steady request rate each token may keep up; 0 turns the limit off
   * @param burst how many requests a token may make at once, above the steady rate
   */
  public record Delivery(Duration pendingTtl, double requestsPerSecond, int burst) {
    public static final Delivery DEFAULTS = new Delivery(Duration.ofHours(6), 20, 40);

    public Delivery {
      Objects.requireNonNull(pendingTtl, "pendingTtl");
      if (pendingTtl.isNegative() || pendingTtl.isZero()) {
        throw new IllegalArgumentException("the pending TTL must be positive");
      }
      if (requestsPerSecond < 0 || burst < 1) {
        throw new IllegalArgumentException("the rate limit must not be negative, and the burst at least 1");
      }
    }
  }
}

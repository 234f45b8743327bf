package community.recommender.web.server;

import community.recommender.web.store.Feedback;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
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
 * @param delivery how suggestions are handed to chat tools
 * @param clock what every decision, report and expiry reads the time from; tests set their own
 * @param shutdownTimeout the most a shutdown may take, from the signal to the end of the process
 * @param unreadyFor how long a shutdown keeps serving with readiness at 503 before it stops taking
 *     connections, so that load balancers stop sending traffic first; part of {@code shutdownTimeout}
 * @param corsOrigins the web origins, such as {@code https://chat.example.org}, whose pages may call the
 *     API from a browser; none by default
 * @param outcomeWindow how long after {@code postedAt} a post's metrics may still grow and count; a post
 *     with no metrics when it closes counts as no engagement
 */
public record ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo,
    long maxUploadBytes, long maxFileBytes, Delivery delivery, Clock clock, Duration shutdownTimeout,
    Duration unreadyFor, List<String> corsOrigins, Duration outcomeWindow) {

  /** A shutdown takes at most 10 s unless configured otherwise. */
  public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

  /** The shortest outcome window: a post's first reactions take minutes to an hour to arrive. */
  public static final Duration MIN_OUTCOME_WINDOW = Duration.ofHours(1);
  /** The longest outcome window: beyond it a reaction says little about the post. */
  public static final Duration MAX_OUTCOME_WINDOW = Duration.ofDays(30);

  /** 20 MiB per upload request. */
  public static final long DEFAULT_MAX_UPLOAD_BYTES = 20L * 1024 * 1024;
  /** 5 MiB per file. */
  public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;

  /** A configuration with the default upload limits and delivery settings, on the system clock. */
  public ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo) {
    this(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_MAX_FILE_BYTES,
        Delivery.DEFAULTS);
  }

  /** A configuration on the system clock. */
  public ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo,
      long maxUploadBytes, long maxFileBytes, Delivery delivery) {
    this(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes, delivery,
        Clock.systemUTC());
  }

  /** A configuration with the default shutdown timeout. */
  public ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo,
      long maxUploadBytes, long maxFileBytes, Delivery delivery, Clock clock) {
    this(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes, delivery, clock,
        DEFAULT_SHUTDOWN_TIMEOUT);
  }

  /** A configuration that lets no other web origin call the API. */
  public ServerConfig(int port, Path dataDir, String databaseUrl, Path rulesDir, Path samplesDir, boolean demo,
      long maxUploadBytes, long maxFileBytes, Delivery delivery, Clock clock, Duration shutdownTimeout) {
    this(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes, delivery, clock,
        shutdownTimeout, Duration.ZERO, List.of(), Feedback.METRICS_WINDOW);
  }

  public ServerConfig {
    corsOrigins = corsOrigins.stream().map(ServerConfig::origin).distinct().toList();
    Objects.requireNonNull(shutdownTimeout, "shutdownTimeout");
    Objects.requireNonNull(unreadyFor, "unreadyFor");
    if (shutdownTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("the shutdown timeout must be at least 1 s");
    }
    if (unreadyFor.isNegative() || unreadyFor.multipliedBy(2).compareTo(shutdownTimeout) > 0) {
      throw new IllegalArgumentException("the unready time must lie between 0 and half the shutdown timeout");
    }
    if (maxUploadBytes < 1 || maxFileBytes < 1) {
      throw new IllegalArgumentException("upload limits must be positive");
    }
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(rulesDir, "rulesDir");
    Objects.requireNonNull(samplesDir, "samplesDir");
    Objects.requireNonNull(delivery, "delivery");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(outcomeWindow, "outcomeWindow");
    if (outcomeWindow.compareTo(MIN_OUTCOME_WINDOW) < 0 || outcomeWindow.compareTo(MAX_OUTCOME_WINDOW) > 0) {
      throw new IllegalArgumentException("the outcome window must lie between 1 hour and 30 days, not " + outcomeWindow);
    }
  }

  /** This configuration with other delivery settings. */
  public ServerConfig with(Delivery other) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes,
        other, clock, shutdownTimeout, unreadyFor, corsOrigins, outcomeWindow);
  }

  /** This configuration on another clock. */
  public ServerConfig with(Clock other) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes,
        delivery, other, shutdownTimeout, unreadyFor, corsOrigins, outcomeWindow);
  }

  /** This configuration with another shutdown timeout. */
  public ServerConfig with(Duration otherShutdownTimeout) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes,
        delivery, clock, otherShutdownTimeout, unreadyFor, corsOrigins, outcomeWindow);
  }

  /** This configuration with another time to stay up but unready on shutdown. */
  public ServerConfig unready(Duration otherUnreadyFor) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes,
        delivery, clock, shutdownTimeout, otherUnreadyFor, corsOrigins, outcomeWindow);
  }

  /** This configuration letting pages from {@code origins} call the API. */
  public ServerConfig withCorsOrigins(List<String> origins) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes,
        delivery, clock, shutdownTimeout, unreadyFor, origins, outcomeWindow);
  }

  /** This configuration counting a post's metrics for {@code window} after it was posted. */
  public ServerConfig withOutcomeWindow(Duration window) {
    return new ServerConfig(port, dataDir, databaseUrl, rulesDir, samplesDir, demo, maxUploadBytes, maxFileBytes,
        delivery, clock, shutdownTimeout, unreadyFor, corsOrigins, window);
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

  /**
   * {@code value} as a browser sends it in {@code Origin}: lower case, scheme, host and port only; an
   * {@link IllegalArgumentException} saying what is wrong otherwise.
   */
  private static String origin(String value) {
    URI uri;
    try {
      uri = new URI(value);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + value + "' is not an origin such as https://chat.example.org");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty()) && uri.getRawQuery() == null
        && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
    if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
      throw new IllegalArgumentException("'" + value + "' is not an origin: give the scheme, host and port only,"
          + " such as https://chat.example.org or http://localhost:3000");
    }
    return value.toLowerCase(Locale.ROOT);
  }
}

package community.recommender.web.server;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A started server: its port, and everything to close, in reverse order of opening. */
public final class RunningServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);

  private final Deque<AutoCloseable> resources;
  private final int port;
  private final String databaseUrl;
  private final List<String> endpoints;
  private final Duration shutdownTimeout;
  private final Runnable engagementRefresh;

  RunningServer(Deque<AutoCloseable> resources, Duration shutdownTimeout, int port, String databaseUrl,
      List<String> endpoints, Runnable engagementRefresh) {
    this.shutdownTimeout = shutdownTimeout;
    this.engagementRefresh = engagementRefresh;
    this.endpoints = List.copyOf(endpoints);
    this.resources = new ArrayDeque<>(resources);
    this.port = port;
    this.databaseUrl = databaseUrl;
  }

  public int port() {
    return port;
  }

  /** The database's URL without its password: another node started with it shares this one's state. */
  public String databaseUrl() {
    return databaseUrl;
  }

  /** Every endpoint served, as {@code "GET /api/v1/groups/{groupId}"}. */
  public List<String> endpoints() {
    return endpoints;
  }

  /** The most {@link #close()} may take; a caller that waits longer may end the process. */
  public Duration shutdownTimeout() {
    return shutdownTimeout;
  }

  /**
   * Rebuilds the engagement model that decisions read from the outcomes reported so far, and returns
   * once decisions read it: for tests and tools that must not depend on when the periodic refresh runs.
   */
  public void refreshEngagement() {
    engagementRefresh.run();
  }

  /**
   * Drains and stops: readiness turns 503, waiting polls are answered, requests under way finish,
   * connections close, then everything else closes, the database last.
   */
  @Override
  public void close() {
    while (!resources.isEmpty()) {
      try {
        resources.pop().close();
      } catch (Exception e) {
        // Keep closing the rest: a half-closed server must not hold the database open.
        LOG.warn("while stopping", e);
      }
    }
  }
}

package community.recommender.web.store;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.net.ConnectException;
import java.util.Set;

/**
 * Tells a failure that means the database cannot be reached just now (stopped, restarting, the
 * network to it down) from one that means the request itself went wrong. The first is answered 503
 * with a {@code Retry-After}: the pool connects again by itself once the database is back.
 */
public final class DatabaseOutage {
  /** How long a client is asked to wait before trying again. */
  public static final long RETRY_AFTER_SECONDS = 5;
  /** What the client is told. */
  public static final String MESSAGE = "the database cannot be reached just now; try again in "
      + RETRY_AFTER_SECONDS + " s";

  /**
   * PostgreSQL's errors that mean the server is going away or not there yet: its shutdown
   * (57P01 admin, 57P02 crash), start-up and recovery (57P03); class 08 is the connection's own.
   */
  private static final Set<String> SERVER_GOING_OR_COMING = Set.of("57P01", "57P02", "57P03");
  private static final int MAX_DEPTH = 16;

  private DatabaseOutage() {}

  /** Whether {@code failure}, or a cause of it, says the database cannot be reached. */
  public static boolean explains(Throwable failure) {
    Throwable cause = failure;
    for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
      if (cause instanceof ConnectException || cause instanceof ClosedConnectionException) {
        return true;
      }
      if (cause instanceof DatabaseException database && database.getSqlState() != null
          && (database.getSqlState().startsWith("08") || SERVER_GOING_OR_COMING.contains(database.getSqlState()))) {
        return true;
      }
      // A socket the database's side closed or reset, as the network layer reports it.
      if (cause instanceof java.io.IOException && cause.getClass().getName().startsWith("io.netty.")) {
        return true;
      }
    }
    return false;
  }
}

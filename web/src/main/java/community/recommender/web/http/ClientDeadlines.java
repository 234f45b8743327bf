package community.recommender.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Closes the connections of clients that are too slow: one that does not send a request's headers
 * in time (counted from when it opens, and on a kept-alive connection from the end of each answer),
 * or a request's body whole in time.
 *
 * <p>The idle timeout cannot catch a client that trickles its headers a byte a second, as traffic
 * keeps flowing; these deadlines can. One sweep every {@value #SWEEP_MILLIS} ms checks them, rather
 * than a timer per request, which would cost every poll a timer scheduled and cancelled. One
 * instance serves one event loop, so its maps need no lock.
 */
final class ClientDeadlines {
  /** How often deadlines are checked: a slow client is closed at most this much after its deadline. */
  static final long SWEEP_MILLIS = 500;

  private final long headerNanos;
  private final long bodyNanos;
  /** When each connection waiting for a request's headers must have sent them, in {@link System#nanoTime()}. */
  private final Map<HttpConnection, Long> headersDue = new HashMap<>();
  /** When each request whose body is still arriving must have sent it whole. */
  private final Map<HttpServerRequest, Long> bodiesDue = new HashMap<>();
  private final long sweeper;
  private final Vertx vertx;

  /** Starts sweeping on the calling event loop; {@link #stop()} ends it. */
  ClientDeadlines(Vertx vertx, Duration headerTimeout, Duration bodyTimeout) {
    this.vertx = vertx;
    this.headerNanos = headerTimeout.toNanos();
    this.bodyNanos = bodyTimeout.toNanos();
    this.sweeper = vertx.setPeriodic(SWEEP_MILLIS, tick -> sweep(System.nanoTime()));
  }

  /** A connection opened: its first request's headers must arrive in time. */
  void opened(HttpConnection connection) {
    connection.closeHandler(closed -> headersDue.remove(connection));
    answered(connection);
  }

  /**
   * A request's headers arrived: its connection no longer waits for them, and a body it announces
   * ({@code Content-Length} above zero, or {@code Transfer-Encoding}) must arrive whole in time.
   */
  void headersArrived(HttpServerRequest request) {
    headersDue.remove(request.connection());
    if (!request.isEnded() && announcesBody(request)) {
      bodiesDue.put(request, System.nanoTime() + bodyNanos);
    }
  }

  /** An answer ended on {@code connection}: the next request's headers must arrive in time. */
  void answered(HttpConnection connection) {
    headersDue.put(connection, System.nanoTime() + headerNanos);
  }

  /** Stops sweeping. */
  void stop() {
    vertx.cancelTimer(sweeper);
  }

  /** Closes the connections whose deadline passed before {@code now}; forgets bodies that arrived. */
  void sweep(long now) {
    for (Iterator<Map.Entry<HttpConnection, Long>> due = headersDue.entrySet().iterator(); due.hasNext(); ) {
      Map.Entry<HttpConnection, Long> entry = due.next();
      if (now - entry.getValue() >= 0) {
        due.remove();
        entry.getKey().close();
      }
    }
    for (Iterator<Map.Entry<HttpServerRequest, Long>> due = bodiesDue.entrySet().iterator(); due.hasNext(); ) {
      Map.Entry<HttpServerRequest, Long> entry = due.next();
      if (entry.getKey().isEnded() || entry.getKey().response().closed()) {
        due.remove();
      } else if (now - entry.getValue() >= 0) {
        due.remove();
        entry.getKey().connection().close();
      }
    }
  }

  private static boolean announcesBody(HttpServerRequest request) {
    String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
        || length != null && !length.equals("0");
  }
}

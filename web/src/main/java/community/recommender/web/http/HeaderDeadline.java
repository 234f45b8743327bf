package community.recommender.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Closes a connection that does not send a request's headers in time: counted from when it opens,
 * and on a kept-alive connection from the end of each answer.
 *
 * <p>The idle timeout cannot catch a client that trickles its headers a byte a second, as traffic
 * keeps flowing; this deadline can. One instance serves one event loop, so its map needs no lock.
 */
final class HeaderDeadline {
  private final Vertx vertx;
  private final Duration timeout;
  /** The pending deadline timer of each connection waiting for headers. */
  private final Map<HttpConnection, Long> waiting = new HashMap<>();

  HeaderDeadline(Vertx vertx, Duration timeout) {
    this.vertx = vertx;
    this.timeout = timeout;
  }

  /** A connection opened: its first request's headers must arrive in time. */
  void opened(HttpConnection connection) {
    connection.closeHandler(closed -> disarm(connection));
    arm(connection);
  }

  /** A request's headers arrived on {@code connection}: it no longer waits. */
  void headersArrived(HttpConnection connection) {
    disarm(connection);
  }

  /** An answer ended on {@code connection}: the next request's headers must arrive in time. */
  void answered(HttpConnection connection) {
    arm(connection);
  }

  private void arm(HttpConnection connection) {
    disarm(connection);
    long timer = vertx.setTimer(timeout.toMillis(), fired -> {
      if (waiting.remove(connection) != null) {
        connection.close();
      }
    });
    waiting.put(connection, timer);
  }

  private void disarm(HttpConnection connection) {
    Long timer = waiting.remove(connection);
    if (timer != null) {
      vertx.cancelTimer(timer);
    }
  }
}

package community.recommender.web.http;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;

/**
 * Closes a connection whose request was answered before its body was read, without losing the
 * answer.
 *
 * <p>Closing a socket while the client's last bytes are still arriving makes the kernel send a
 * reset, and a client still writing can lose the answer it has not read yet (a 413, a 401). So the
 * rest of the body is read and thrown away, up to {@link #MAX_DISCARDED_BYTES} and for at most
 * {@link #LINGER}, and only then is the connection closed; nothing of it is kept. A body larger
 * than that is cut off as before.
 */
final class LingeringClose {
  /** The most of an unread body read and thrown away before closing anyway. */
  static final long MAX_DISCARDED_BYTES = 1024 * 1024;
  /** The longest wait for the rest of an unread body. */
  static final Duration LINGER = Duration.ofSeconds(1);

  private LingeringClose() {}

  /** Closes {@code request}'s connection once the rest of its body has arrived, or past the bounds. */
  static void close(Vertx vertx, HttpServerRequest request) {
    HttpConnection connection = request.connection();
    if (request.isEnded()) {
      connection.close();
      return;
    }
    long timer = vertx.setTimer(LINGER.toMillis(), id -> connection.close());
    Runnable closeNow = () -> {
      vertx.cancelTimer(timer);
      connection.close();
    };
    long[] discarded = {0};
    try {
      request.handler(chunk -> {
        discarded[0] += chunk.length();
        if (discarded[0] > MAX_DISCARDED_BYTES) {
          closeNow.run();
        }
      });
      request.exceptionHandler(failure -> closeNow.run());
      request.endHandler(ended -> closeNow.run());
      request.resume();
    } catch (IllegalStateException alreadyRead) {
      closeNow.run();
    }
  }
}

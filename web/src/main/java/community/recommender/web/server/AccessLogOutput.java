package community.recommender.web.server;

import community.recommender.web.http.AccessLog;
import java.io.OutputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;
import java.util.logging.StreamHandler;

/**
 * Sends the access log to a stream as JSON Lines: each record is its message alone, one line,
 * written at once.
 */
public final class AccessLogOutput {
  private AccessLogOutput() {}

  /** Writes every access log line to {@code out} from now on; the server's process calls this once, with standard output. */
  public static void writeTo(OutputStream out) {
    AccessLog.logger().addHandler(new JsonLines(out));
  }

  /** A record's message and a newline, nothing else: the message is already a JSON object. */
  static final class MessageLines extends Formatter {
    @Override
    public String format(LogRecord record) {
      return record.getMessage() + "\n";
    }
  }

  /** A handler that writes each record as one UTF-8 line and flushes it, so that no line waits in a buffer. */
  private static final class JsonLines extends StreamHandler {
    JsonLines(OutputStream out) {
      setFormatter(new MessageLines());
      try {
        setEncoding(StandardCharsets.UTF_8.name());
      } catch (UnsupportedEncodingException e) {
        throw new IllegalStateException("UTF-8 is always supported", e);
      }
      setOutputStream(out);
    }

    @Override
    public synchronized void publish(LogRecord record) {
      super.publish(record);
      flush();
    }
  }
}

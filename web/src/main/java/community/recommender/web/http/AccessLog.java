package community.recommender.web.http;

import community.recommender.web.store.Caller;
import community.recommender.web.store.Role;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Writes one JSON object per request, one line each, apart from the application log: time, request
 * id, method, route template, status, duration, and the name and role of the token used, never
 * the token.
 *
 * <p>The request id is the caller's {@code X-Request-Id} when it is sane (1-128 letters, digits
 * and {@code . _ : -}), else a new UUID; either way it is echoed in the answer's
 * {@code X-Request-Id}, so that a chat tool's log and ours can be joined. The route is the
 * template, such as {@code /api/v1/groups/{groupId}}, never the raw path, whose ids could carry
 * anything.
 *
 * <p>Lines go to a sink of their own rather than through java.util.logging, whose shutdown hook
 * closes its handlers' streams while the server still drains: the polls answered on the way down
 * are logged too.
 */
public final class AccessLog {
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  /** Each role's name as logged, by ordinal. */
  private static final String[] ROLES =
      Arrays.stream(Role.values()).map(role -> role.name().toLowerCase(Locale.ROOT)).toArray(String[]::new);
  private final Clock clock;
  private final Consumer<String> lines;

  /** Timestamps lines from {@code clock} and hands each, a JSON object without a line break, to {@code lines}. */
  public AccessLog(Clock clock, Consumer<String> lines) {
    this.clock = clock;
    this.lines = lines;
  }

  /**
   * Names the request: its id, from {@code X-Request-Id} when sane, is echoed in the answer's
   * {@code X-Request-Id}; pass it to {@link #log} when the request ends.
   */
  public String name(HttpServerRequest request) {
    String id = requestId(request.getHeader(HeaderNames.REQUEST_ID));
    request.response().putHeader(HeaderNames.REQUEST_ID, id);
    return id;
  }

  /**
   * Writes the line of {@code caller}'s request (null without a valid token) that ended with
   * {@code status}: {@code id} from {@link #name}, its {@code method}, route template, and how long it
   * took. Written by hand in the order the fields are documented, the time to the millisecond and
   * the duration to a tenth of one; the id is sane, and the route and the token's name are escaped
   * only when they hold a character JSON needs escaped.
   */
  public void log(Caller caller, int status, String id, String method, String route, long nanos) {
    StringBuilder line = new StringBuilder(256).append("{\"time\":\"");
    IsoInstants.appendMillis(line, clock.instant()).append("\",\"requestId\":\"").append(id)
        .append("\",\"method\":\"").append(method)
        .append("\",\"route\":");
    quoted(line, route).append(",\"status\":").append(status)
        .append(",\"durationMs\":");
    long tenths = Math.max(0, (nanos + 50_000) / 100_000);
    line.append(tenths / 10).append('.').append(tenths % 10).append(",\"tokenName\":");
    if (caller == null) {
      line.append("null,\"role\":null}");
    } else {
      quoted(line, caller.name()).append(",\"role\":\"").append(ROLES[caller.role().ordinal()])
          .append("\"}");
    }
    lines.accept(line.toString());
  }

  private static StringBuilder quoted(StringBuilder line, String text) {
    if (text == null) {
      return line.append("null");
    }
    line.append('"');
    if (plain(text)) {
      line.append(text);
    } else {
      JsonStringEncoder.getInstance().quoteAsString(text, line);
    }
    return line.append('"');
  }

  /** Whether {@code text} goes into a JSON string as it is: no quote, backslash or control character. */
  private static boolean plain(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** {@code sent} when it is a sane id, else a new one. */
  static String requestId(String sent) {
    if (sent != null && SANE_ID.matcher(sent).matches()) {
      return sent;
    }
    // A random (version 4) UUID from the thread's generator: a request id names, it need not be secret,
    // and UUID.randomUUID() would take the shared SecureRandom's lock on every request.
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong() & ~0xF000L | 0x4000L,
        random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
  }
}

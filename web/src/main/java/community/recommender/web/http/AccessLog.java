package community.recommender.web.http;

import community.recommender.web.store.Caller;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.Supplier;
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
  /** The header that carries a request's id, both ways. */
  public static final String REQUEST_ID = "X-Request-Id";
  private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
  private final Clock clock;
  private final Consumer<String> lines;

  /** Timestamps lines from {@code clock} and hands each, a JSON object without a line break, to {@code lines}. */
  public AccessLog(Clock clock, Consumer<String> lines) {
    this.clock = clock;
    this.lines = lines;
  }

  /**
   * A handler, mounted before every other, that names each request and logs it when it ends; the
   * route template comes from {@code routes}, read when the request ends.
   */
  public Handler<RoutingContext> recorder(Supplier<RouteTable> routes) {
    return ctx -> {
      long started = System.nanoTime();
      String id = requestId(ctx.request().getHeader(REQUEST_ID));
      ctx.response().putHeader(REQUEST_ID, id);
      ctx.addEndHandler(ended -> {
        String method = ctx.request().method().name();
        Caller caller = TokenAuthHandler.caller(ctx);
        JsonObject line = new JsonObject()
            .put("time", clock.instant().toString())
            .put("requestId", id)
            .put("method", method)
            .put("route", routes.get().templateOf(ctx.currentRoute(), method, ctx.request().path()))
            .put("status", ctx.response().getStatusCode())
            .put("durationMs", Math.round((System.nanoTime() - started) / 1e5) / 10.0)
            .put("tokenName", caller == null ? null : caller.name())
            .put("role", caller == null ? null : caller.role().name().toLowerCase(Locale.ROOT));
        lines.accept(line.encode());
      });
      ctx.next();
    };
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

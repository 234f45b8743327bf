package community.recommender.web.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.CorsHandler;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lets pages from listed web origins, such as a chat tool's sidebar, call the API from a browser.
 *
 * <p>A request from any other origin passes untouched, as if CORS were off: it gets no CORS headers,
 * so a browser keeps its page from reading the answer, while the console, served from this server
 * itself, works as before.
 */
public final class CrossOrigin {
  /** What a listed page may send. */
  public static final Set<HttpMethod> METHODS = Set.of(HttpMethod.GET, HttpMethod.POST, HttpMethod.PUT,
      HttpMethod.PATCH, HttpMethod.DELETE);
  /** The request headers a listed page may set. */
  public static final Set<String> REQUEST_HEADERS = Set.of("Authorization", "Content-Type", "If-Match",
      "If-None-Match", "X-Request-Id");
  /** The answer's headers a listed page may read, beside the always-readable ones. */
  public static final Set<String> EXPOSED_HEADERS = Set.of("ETag", "Retry-After", "X-Request-Id",
      "X-Next-Suggestion-At", "X-Experiment");
  private static final int PREFLIGHT_CACHE_SECONDS = 600;

  private CrossOrigin() {}

  /** The handler for {@code origins}, each as a browser sends it: {@code scheme://host[:port]}, in lower case. */
  public static Handler<RoutingContext> allowing(List<String> origins) {
    List<String> allowed = List.copyOf(origins);
    CorsHandler cors = CorsHandler.create().addOrigins(allowed).allowedMethods(METHODS)
        .allowedHeaders(REQUEST_HEADERS).exposedHeaders(EXPOSED_HEADERS).maxAgeSeconds(PREFLIGHT_CACHE_SECONDS);
    return ctx -> {
      String origin = ctx.request().getHeader("Origin");
      if (origin != null && allowed.contains(origin.toLowerCase(Locale.ROOT))) {
        cors.handle(ctx);
      } else {
        ctx.next();
      }
    };
  }
}

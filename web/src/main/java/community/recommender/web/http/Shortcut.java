package community.recommender.web.http;

import community.recommender.web.store.Caller;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.function.Consumer;

/**
 * Answers some requests before the router sees them, from memory, with the router's checks made the
 * same way; whatever it does not answer goes to the router, untouched.
 */
public interface Shortcut {
  /**
   * The answer to {@code request}, every check passed and ready to write; null leaves the request to
   * the router. It reads the request's method, path, query and headers only, never its body.
   */
  Answer find(HttpServerRequest request);

  /** An answer found: who asked, the route template it is logged and measured under, and how to write it. */
  record Answer(Caller caller, String route, Consumer<HttpServerResponse> write) {}
}

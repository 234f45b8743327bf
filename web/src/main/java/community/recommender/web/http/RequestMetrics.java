package community.recommender.web.http;

import community.recommender.web.metrics.ServerMetrics;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Supplier;

/** Times each request and counts it under its route template, method and status. */
public final class RequestMetrics {
  private final ServerMetrics metrics;

  public RequestMetrics(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  /**
   * A handler, mounted before every other, that measures each request under its route template from
   * {@code routes} (read when the request ends, so that the table may be filled after this handler is
   * mounted).
   */
  public Handler<RoutingContext> recorder(Supplier<RouteTable> routes) {
    return ctx -> {
      long started = System.nanoTime();
      ctx.addEndHandler(ended -> {
        String method = ctx.request().method().name();
        String route = routes.get().templateOf(ctx.currentRoute(), method, ctx.request().path());
        metrics.recordRequest(method, route, ctx.response().getStatusCode(), System.nanoTime() - started);
      });
      ctx.next();
    };
  }
}

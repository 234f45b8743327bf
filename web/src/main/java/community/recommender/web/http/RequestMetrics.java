package community.recommender.web.http;

import community.recommender.web.metrics.ServerMetrics;
import io.vertx.ext.web.RoutingContext;

/** Times each request and counts it under its route template, method and status. */
public final class RequestMetrics {
  private final ServerMetrics metrics;

  public RequestMetrics(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  /** Records a request that ended after {@code nanos}, under its {@code method} and route template. */
  public void record(RoutingContext ctx, String method, String route, long nanos) {
    record(ctx.response().getStatusCode(), method, route, nanos);
  }

  /** As {@link #record(RoutingContext, String, String, long)}, for a request answered {@code status}. */
  public void record(int status, String method, String route, long nanos) {
    metrics.recordRequest(method, route, status, nanos);
  }
}

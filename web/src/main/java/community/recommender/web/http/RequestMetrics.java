package community.recommender.web.http;

import community.recommender.web.metrics.ServerMetrics;

/** Times each request and counts it under its route template, method and status. */
public final class RequestMetrics {
  private final ServerMetrics metrics;

  public RequestMetrics(ServerMetrics metrics) {
    this.metrics = metrics;
  }

  /** Records a request answered {@code status} after {@code nanos}, under its {@code method} and route template. */
  public void record(int status, String method, String route, long nanos) {
    metrics.recordRequest(method, route, status, nanos);
  }
}

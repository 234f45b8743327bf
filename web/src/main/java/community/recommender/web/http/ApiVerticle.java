package community.recommender.web.http;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/** Builds the router and listens; the routes do the work. */
public final class ApiVerticle extends VerticleBase {
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final int port;
  private final RequestMetrics metrics;
  private final List<Routes> open;
  private final Handler<RoutingContext> auth;
  private final List<Routes> api;
  private HttpServer server;
  private volatile RouteTable routes;

  /**
   * {@code open} routes need no token; {@code api} routes, under {@code /api}, pass {@code auth}
   * first. Every request is measured by {@code metrics}.
   */
  public ApiVerticle(int port, RequestMetrics metrics, List<Routes> open, Handler<RoutingContext> auth,
      List<Routes> api) {
    this.port = port;
    this.metrics = metrics;
    this.open = List.copyOf(open);
    this.auth = auth;
    this.api = List.copyOf(api);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(metrics.recorder(() -> routes));
    open.forEach(routes -> routes.mount(router));
    api.forEach(routes -> routes.mountBeforeBody(router));
    // Polls are GETs: only requests that carry a body pay for reading one.
    router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
        .method(HttpMethod.DELETE)
        .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false));
    router.route("/api/*").handler(auth);
    api.forEach(routes -> routes.mount(router));
    router.route().failureHandler(Responses::failure);
    router.route().last().handler(ctx -> ctx.fail(404));
    routes = RouteTable.of(router);
    return vertx.createHttpServer().requestHandler(router).listen(port).onSuccess(s -> server = s);
  }

  /**
   * Stops taking connections, lets the requests under way finish for up to {@code timeout}, then
   * closes every connection.
   */
  public Future<Void> shutdown(java.time.Duration timeout) {
    return server == null ? Future.succeededFuture()
        : server.shutdown(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  /** The port the server listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Every endpoint served, once started. */
  public RouteTable routes() {
    return routes;
  }
}

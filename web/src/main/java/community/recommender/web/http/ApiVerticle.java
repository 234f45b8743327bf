package community.recommender.web.http;

import community.recommender.web.store.Caller;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the router and listens; the routes do the work. */
public final class ApiVerticle extends VerticleBase {
  private static final Logger LOG = LoggerFactory.getLogger(ApiVerticle.class);
  private static final long MAX_BODY_BYTES = 1024 * 1024;
  /** A request's body must arrive whole within this (a 20 MiB upload at 2 Mbit/s takes about 80 s). */
  public static final Duration BODY_TIMEOUT = Duration.ofSeconds(120);
  /** A connection with no traffic either way for this long is closed; longer than the longest poll (60 s). */
  public static final Duration IDLE_TIMEOUT = Duration.ofSeconds(90);
  /**
   * A request's headers must arrive whole within this of the connection opening, or of the end of
   * the previous answer on a kept-alive connection; a client that trickles them is closed.
   */
  public static final Duration HEADER_TIMEOUT = Duration.ofSeconds(10);

  private final int port;
  private final RequestMetrics metrics;
  private final AccessLog accessLog;
  private final List<Routes> open;
  private final Handler<RoutingContext> auth;
  private final List<Routes> api;
  private final List<String> corsOrigins;
  private final Shortcut shortcut;
  private HttpServer server;
  private ClientDeadlines deadlines;
  private volatile RouteTable routes;

  /**
   * {@code open} routes need no token; {@code api} routes, under {@code /api}, pass {@code auth}
   * first. Every request is measured by {@code metrics} and logged by {@code accessLog}. Pages from
   * {@code corsOrigins} may call the API from a browser. What {@code shortcut} answers never reaches
   * the router.
   */
  public ApiVerticle(int port, RequestMetrics metrics, AccessLog accessLog, List<Routes> open,
      Handler<RoutingContext> auth, List<Routes> api, List<String> corsOrigins, Shortcut shortcut) {
    this.port = port;
    this.metrics = metrics;
    this.accessLog = accessLog;
    this.open = List.copyOf(open);
    this.auth = auth;
    this.api = List.copyOf(api);
    this.corsOrigins = List.copyOf(corsOrigins);
    this.shortcut = shortcut;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    deadlines = new ClientDeadlines(vertx, HEADER_TIMEOUT, BODY_TIMEOUT);
    router.route().handler(this::recordEach);
    if (!corsOrigins.isEmpty()) {
      // Before the token: a browser's preflight carries none.
      router.route().handler(CrossOrigin.allowing(corsOrigins));
    }
    open.forEach(routes -> routes.mount(router));
    // The token first: nothing of a request's body is read, buffered or spooled before it is checked.
    router.route("/api/*").handler(auth);
    router.route("/api/*").handler(NulCharacters.inPathAndQuery());
    api.forEach(routes -> routes.mountBeforeBody(router));
    // Polls are GETs: only requests that carry a body pay for reading one.
    router.route("/api/*").method(HttpMethod.POST).method(HttpMethod.PUT).method(HttpMethod.PATCH)
        .method(HttpMethod.DELETE)
        .handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false));
    api.forEach(routes -> routes.mount(router));
    router.route().failureHandler(Responses::failure);
    router.route().last().handler(this::unrouted);
    routes = RouteTable.of(router);
    // HTTP/1.1 only: with cleartext HTTP/2 on, a connection is handed over only once its first
    // request is read, so a client trickling those headers would never meet the header deadline.
    HttpServerOptions options = new HttpServerOptions().setHttp2ClearTextEnabled(false)
        .setIdleTimeout((int) IDLE_TIMEOUT.toSeconds()).setIdleTimeoutUnit(TimeUnit.SECONDS);
    return vertx.createHttpServer(options)
        .connectionHandler(deadlines::opened)
        .requestHandler(request -> {
          deadlines.headersArrived(request);
          if (!answeredByShortcut(request)) {
            router.handle(request);
          }
        })
        .listen(port).onSuccess(s -> server = s);
  }

  /** 405 with {@code Allow} when the path is served with other methods, else 404. */
  private void unrouted(RoutingContext ctx) {
    List<String> allowed = routes.methodsAt(ctx.normalizedPath());
    if (allowed.isEmpty()) {
      ctx.fail(404);
      return;
    }
    ctx.response().putHeader("Allow", String.join(", ", allowed));
    ctx.fail(405);
  }

  /**
   * Names the request and, when it ends, logs it, measures it under its route template (found
   * once for both) and starts its connection's wait for the next request's headers.
   */
  private void recordEach(RoutingContext ctx) {
    long started = System.nanoTime();
    String id = accessLog.name(ctx.request());
    ctx.addEndHandler(ended -> recorded(ctx.request(), TokenAuthHandler.caller(ctx), id,
        routes.templateOf(ctx.currentRoute(), ctx.request().method().name(), ctx.request().path()), started));
    ctx.next();
  }

  /**
   * Answers {@code request} through the shortcut when it can, named, logged and measured as the
   * router's answers are; false leaves it to the router.
   */
  private boolean answeredByShortcut(HttpServerRequest request) {
    long started = System.nanoTime();
    Shortcut.Answer answer;
    try {
      answer = shortcut.find(request);
    } catch (RuntimeException e) {
      LOG.warn("the shortcut failed on {} {}; the router answers it", request.method(), request.path(), e);
      return false;
    }
    if (answer == null) {
      return false;
    }
    String id = accessLog.name(request);
    answer.write().accept(request.response());
    recorded(request, answer.caller(), id, answer.route(), started);
    return true;
  }

  /**
   * Logs and measures {@code caller}'s answered request under its route template, and starts its
   * connection's wait for the next request's headers; the same for the router's answers and the shortcut's.
   */
  private void recorded(HttpServerRequest request, Caller caller, String id, String route, long started) {
    deadlines.answered(request.connection());
    long nanos = System.nanoTime() - started;
    String method = request.method().name();
    int status = request.response().getStatusCode();
    accessLog.log(caller, status, id, method, route, nanos);
    metrics.record(status, method, route, nanos);
  }

  /**
   * Stops taking connections, lets the requests under way finish for up to {@code timeout}, then
   * closes every connection.
   */
  public Future<Void> shutdown(java.time.Duration timeout) {
    return server == null ? Future.succeededFuture()
        : server.shutdown(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .onComplete(done -> deadlines.stop());
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

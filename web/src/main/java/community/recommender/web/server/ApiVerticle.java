package community.recommender.web.server;

import community.recommender.web.api.ContentRoutes;
import community.recommender.web.api.Responses;
import community.recommender.web.api.Routes;
import community.recommender.web.auth.TokenAuthHandler;
import community.recommender.web.metrics.ServerMetrics;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;

/** Builds the router and listens; the routes do the work. */
public final class ApiVerticle extends VerticleBase {
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final int port;
  private final ServerMetrics metrics;
  private final List<Routes> open;
  private final TokenAuthHandler auth;
  private final List<Routes> api;
  private final long maxUploadBytes;
  private final Path uploadsDir;
  private HttpServer server;
  private volatile RouteTable routes;

  /**
   * {@code open} routes need no token; {@code api} routes, under {@code /api}, do. Content uploads
   * may be up to {@code maxUploadBytes}, spooled to {@code uploadsDir} (null: no uploads).
   */
  public ApiVerticle(int port, ServerMetrics metrics, List<Routes> open, TokenAuthHandler auth, List<Routes> api,
      long maxUploadBytes, Path uploadsDir) {
    this.port = port;
    this.metrics = metrics;
    this.open = List.copyOf(open);
    this.auth = auth;
    this.api = List.copyOf(api);
    this.maxUploadBytes = maxUploadBytes;
    this.uploadsDir = uploadsDir;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    router.route().handler(metrics.requestRecorder(() -> routes));
    open.forEach(routes -> routes.mount(router));
    if (uploadsDir != null) {
      // Files come to one endpoint only; it alone takes large bodies, spooled to disk rather than held in memory.
      router.post(ContentRoutes.UPLOADS).handler(BodyHandler.create().setBodyLimit(maxUploadBytes)
          .setUploadsDirectory(uploadsDir.toString()).setDeleteUploadedFilesOnEnd(true));
    }
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

  /** The port the server listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }

  /** Every endpoint served, once started. */
  public RouteTable routes() {
    return routes;
  }
}

package community.recommender.web.server;

import community.recommender.web.api.ContentRoutes;
import community.recommender.web.api.HealthRoutes;
import community.recommender.web.api.Responses;
import community.recommender.web.api.Routes;
import community.recommender.web.auth.TokenAuthHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.nio.file.Path;
import java.util.List;

/** Builds the router and listens; the routes do the work. */
public final class ApiVerticle extends VerticleBase {
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final int port;
  private final HealthRoutes health;
  private final TokenAuthHandler auth;
  private final List<Routes> api;
  private final long maxUploadBytes;
  private final Path uploadsDir;
  private HttpServer server;

  public ApiVerticle(int port, HealthRoutes health, TokenAuthHandler auth, List<Routes> api) {
    this(port, health, auth, api, MAX_BODY_BYTES, null);
  }

  /** A verticle whose content uploads may be up to {@code maxUploadBytes}, spooled to {@code uploadsDir}. */
  public ApiVerticle(int port, HealthRoutes health, TokenAuthHandler auth, List<Routes> api, long maxUploadBytes,
      Path uploadsDir) {
    this.port = port;
    this.health = health;
    this.auth = auth;
    this.api = List.copyOf(api);
    this.maxUploadBytes = maxUploadBytes;
    this.uploadsDir = uploadsDir;
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    health.mount(router);
    if (uploadsDir != null) {
      // Files come to one endpoint only; it alone takes large bodies, spooled to disk rather than held in memory.
      router.post(ContentRoutes.UPLOADS).handler(BodyHandler.create().setBodyLimit(maxUploadBytes)
          .setUploadsDirectory(uploadsDir.toString()).setDeleteUploadedFilesOnEnd(true));
    }
    api.forEach(routes -> routes.mountBeforeBody(router));
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES).setHandleFileUploads(false));
    router.route("/api/*").handler(auth);
    api.forEach(routes -> routes.mount(router));
    router.route().failureHandler(Responses::failure);
    router.route().last().handler(ctx -> ctx.fail(404));
    return vertx.createHttpServer().requestHandler(router).listen(port).onSuccess(s -> server = s);
  }

  /** The port the server listens on, once started. */
  public int actualPort() {
    return server.actualPort();
  }
}

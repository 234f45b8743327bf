package community.recommender.web.server;

import community.recommender.web.api.HealthRoutes;
import community.recommender.web.api.Responses;
import community.recommender.web.api.Routes;
import community.recommender.web.auth.TokenAuthHandler;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.util.List;

/** Builds the router and listens; the routes do the work. */
public final class ApiVerticle extends VerticleBase {
  private static final long MAX_BODY_BYTES = 1024 * 1024;

  private final int port;
  private final HealthRoutes health;
  private final TokenAuthHandler auth;
  private final List<Routes> api;
  private HttpServer server;

  public ApiVerticle(int port, HealthRoutes health, TokenAuthHandler auth, List<Routes> api) {
    this.port = port;
    this.health = health;
    this.auth = auth;
    this.api = List.copyOf(api);
  }

  @Override
  public Future<?> start() {
    Router router = Router.router(vertx);
    health.mount(router);
    router.route("/api/*").handler(BodyHandler.create().setBodyLimit(MAX_BODY_BYTES).setDeleteUploadedFilesOnEnd(true));
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

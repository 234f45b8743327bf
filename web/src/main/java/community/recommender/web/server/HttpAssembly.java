package community.recommender.web.server;

import community.recommender.web.http.AccessLog;
import community.recommender.web.http.ApiVerticle;
import community.recommender.web.http.RequestMetrics;
import community.recommender.web.http.Routes;
import community.recommender.web.http.RateLimiter;
import community.recommender.web.http.tokens.SessionRoutes;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.http.tokens.TokenRoutes;
import community.recommender.web.http.content.ContentRoutes;
import community.recommender.web.http.groups.GroupImportRoutes;
import community.recommender.web.application.groups.GroupBulk;
import community.recommender.web.http.groups.GroupRoutes;
import community.recommender.web.http.experiments.ExperimentRoutes;
import community.recommender.web.http.journeys.JourneyRoutes;
import community.recommender.web.http.ops.ConsoleRoutes;
import community.recommender.web.http.ops.HealthRoutes;
import community.recommender.web.http.ops.OpsRoutes;
import community.recommender.web.http.ops.Readiness;
import community.recommender.web.http.rules.RuleRoutes;
import community.recommender.web.http.learning.LearningRoutes;
import community.recommender.web.http.suggestions.FeedbackRoutes;
import community.recommender.web.http.delivery.ExternalSendRoutes;
import community.recommender.web.http.suggestions.RememberedPolls;
import community.recommender.web.http.suggestions.SuggestionRoutes;
import community.recommender.web.metrics.ServerMetrics;
import community.recommender.web.store.Futures;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** The HTTP edge: every resource's routes over the application services, served on every event loop. */
final class HttpAssembly {
  private static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
  private static final int ANY_FREE_SHARED_PORT = -1;

  private HttpAssembly() {}

  /**
   * Deploys the routers and listens; answers the listening verticles, for their port, routes and
   * shutdown. Readiness answers 503 once {@code draining} is set; each request's access log line goes to
   * {@code accessLines}.
   */
  static List<ApiVerticle> listen(Vertx vertx, ServerConfig config, StoreAssembly stores, ApplicationAssembly services,
      ServerMetrics metrics, Path uploadsDir, AtomicBoolean draining, Consumer<String> accessLines) {
    TokenAuthHandler auth = new TokenAuthHandler(services.tokens(),
        new RateLimiter(config.delivery().requestsPerSecond(), config.delivery().burst()), config.clock());
    List<Routes> open = List.of(
        new HealthRoutes(services.health(),
            new Readiness(draining::get, services.indexProblem(), stores.notices()::listening)),
        new OpsRoutes(metrics),
        new ConsoleRoutes());
    // Polls first: a request is matched against each route in turn, and polls are most of them.
    List<Routes> api = List.of(
        new SuggestionRoutes(services.suggestions(), services.groups(), services.waiters(), services.renderings(),
            config.clock()),
        new SessionRoutes(),
        new GroupRoutes(services.groups(), new GroupBulk(services.groups()), config.clock()),
        new GroupImportRoutes(services.groups()),
        new FeedbackRoutes(services.feedback(), config.clock()),
        new LearningRoutes(services.learning(), config.clock()),
        new ExternalSendRoutes(services.externalSends(), config.clock()),
        new TokenRoutes(services.tokens(), auth),
        new RuleRoutes(services.rules(), services.simulation()),
        new JourneyRoutes(services.journeys()),
        new ExperimentRoutes(services.experiments(), services.experimentReports(), config.clock()),
        new ContentRoutes(services.library(), config.maxUploadBytes(), uploadsDir));
    RememberedPolls remembered = new RememberedPolls(services.suggestions(), auth, config.clock());
    metrics.counter("recommender.polls.from.memory", "Polls answered from this node's memory before routing,"
        + " with nothing read from the database", remembered, RememberedPolls::answered);
    RequestMetrics requests = new RequestMetrics(metrics);
    AccessLog accessLog = new AccessLog(config.clock(), accessLines);
    // One router per event loop, all sharing one port, so that HTTP work uses every core. Vert.x shares
    // a port only among servers that ask for the same number; servers asking for the same negative
    // number share one port the system picks as the first binds, so no other process can take it
    // between choosing and binding, as it could if a free port were looked up first.
    int port = config.port() == 0 ? ANY_FREE_SHARED_PORT : config.port();
    List<ApiVerticle> listening = new CopyOnWriteArrayList<>();
    try {
      Futures.await(vertx.deployVerticle(() -> {
        ApiVerticle instance = new ApiVerticle(port, requests, accessLog, open, auth, api, config.corsOrigins(),
            remembered);
        listening.add(instance);
        return instance;
      }, new DeploymentOptions().setInstances(EVENT_LOOPS)));
    } catch (RuntimeException e) {
      throw new StartupException("cannot listen on port " + config.port() + ": " + e.getMessage(), e);
    }
    return List.copyOf(listening);
  }
}

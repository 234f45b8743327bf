package community.recommender.web.http.ops;

import community.recommender.web.application.health.HealthChecks;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}, without a token.
 *
 * <p>{@code /health} answers whether the server and its database answer. {@code /health/live}
 * only whether the process serves HTTP (restart it when not). {@code /health/ready} whether this
 * node should get traffic: not while it shuts down, and only with its database, its content index
 * and its LISTEN connection up.
 *
 * <p>A rule worker stuck past its decision deadline also makes the server unavailable, so that a
 * load balancer knows.
 */
public final class HealthRoutes implements Routes {
  private final HealthChecks checks;
  private final Readiness readiness;

  public HealthRoutes(HealthChecks checks, Readiness readiness) {
    this.checks = checks;
    this.readiness = readiness;
  }

  @Override
  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/health/ready").handler(this::ready);
    router.get("/health").handler(ctx -> checks.database()
        .onSuccess(ok -> {
          String rules = checks.rules();
          if (!rules.equals("ok")) {
            Responses.json(ctx, 503, new JsonObject().put("status", "unavailable").put("reason", rules));
            return;
          }
          Responses.json(ctx, 200, new JsonObject()
              .put("status", "ok")
              .put("ruleSetVersion", checks.ruleSetVersion()));
        })
        .onFailure(e -> Responses.json(ctx, 503, new JsonObject()
            .put("status", "unavailable")
            .put("reason", "database: " + e.getMessage()))));
  }

  private void ready(RoutingContext ctx) {
    if (readiness.draining().getAsBoolean()) {
      ctx.response().putHeader("Retry-After", "2");
      Responses.json(ctx, 503, new JsonObject().put("status", "draining")
          .put("reason", "this node is shutting down"));
      return;
    }
    checks.database().transform(checked -> {
      JsonObject results = new JsonObject()
          .put("database", checked.succeeded() ? "ok" : checked.cause().getMessage());
      String index = readiness.indexProblem().get();
      results.put("index", index == null ? "ok" : index);
      results.put("listen", readiness.listening().getAsBoolean() ? "ok" : "not connected; retrying");
      results.put("rules", checks.rules());
      boolean ready = results.stream().allMatch(check -> "ok".equals(check.getValue()));
      Responses.json(ctx, ready ? 200 : 503, new JsonObject()
          .put("status", ready ? "ready" : "unavailable")
          .put("checks", results));
      return io.vertx.core.Future.succeededFuture();
    });
  }
}

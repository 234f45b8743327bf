package community.recommender.web.http.ops;

import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleRunner;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.store.StoreHealth;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * {@code GET /health}, {@code /health/live} and {@code /health/ready}, without a token.
 *
 * <p>{@code /health} answers whether the server and its database answer. {@code /health/live}
 * only whether the process serves HTTP (restart it when not). {@code /health/ready} whether this
 * node should get traffic: not while it shuts down, and only with its database, its content index
 * and its LISTEN connection up.
 *
 * <p>A rule worker stuck past its decision deadline also makes the server unavailable: its thread
 * is lost to decisions until the rules give it back, and a load balancer should know.
 */
public final class HealthRoutes implements Routes {
  private final StoreHealth database;
  private final RuleBook ruleBook;
  private final Readiness readiness;

  public HealthRoutes(StoreHealth database, RuleBook ruleBook, Readiness readiness) {
    this.database = database;
    this.ruleBook = ruleBook;
    this.readiness = readiness;
  }

  @Override
  public void mount(Router router) {
    router.get("/health/live").handler(ctx -> Responses.json(ctx, 200, new JsonObject().put("status", "ok")));
    router.get("/health/ready").handler(this::ready);
    router.get("/health").handler(ctx -> database.check()
        .onSuccess(ok -> {
          String rules = stuckRules();
          if (!rules.equals("ok")) {
            Responses.json(ctx, 503, new JsonObject().put("status", "unavailable").put("reason", rules));
            return;
          }
          Responses.json(ctx, 200, new JsonObject()
              .put("status", "ok")
              .put("ruleSetVersion", ruleBook.active().version()));
        })
        .onFailure(e -> Responses.json(ctx, 503, new JsonObject()
            .put("status", "unavailable")
            .put("reason", "database: " + e.getMessage()))));
  }

  /** "ok", or which rule worker is stuck past its decision's deadline and for how long. */
  private String stuckRules() {
    List<RuleRunner.Overdue> stuck = ruleBook.runner().stuck();
    if (stuck.isEmpty()) {
      return "ok";
    }
    RuleRunner.Overdue oldest = stuck.get(0);
    return stuck.size() + " rule worker(s) stuck past their deadline; the oldest, " + oldest.what() + ", has run "
        + oldest.running().toMillis() + " ms";
  }

  private void ready(RoutingContext ctx) {
    if (readiness.draining().getAsBoolean()) {
      ctx.response().putHeader("Retry-After", "2");
      Responses.json(ctx, 503, new JsonObject().put("status", "draining")
          .put("reason", "this node is shutting down"));
      return;
    }
    database.check().transform(checked -> {
      JsonObject checks = new JsonObject()
          .put("database", checked.succeeded() ? "ok" : checked.cause().getMessage());
      String index = readiness.indexProblem().get();
      checks.put("index", index == null ? "ok" : index);
      checks.put("listen", readiness.listening().getAsBoolean() ? "ok" : "not connected; retrying");
      checks.put("rules", stuckRules());
      boolean ready = checks.stream().allMatch(check -> "ok".equals(check.getValue()));
      Responses.json(ctx, ready ? 200 : 503, new JsonObject()
          .put("status", ready ? "ready" : "unavailable")
          .put("checks", checks));
      return io.vertx.core.Future.succeededFuture();
    });
  }
}

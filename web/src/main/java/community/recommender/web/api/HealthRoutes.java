package community.recommender.web.api;

import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleRunner;
import java.util.List;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.sqlclient.Pool;

/** {@code GET /health}: whether the server and its database answer, without a token. */
public final class HealthRoutes implements Routes {
  private final Pool pool;
  private final RuleBook ruleBook;

  public HealthRoutes(Pool pool, RuleBook ruleBook) {
    this.pool = pool;
    this.ruleBook = ruleBook;
  }

  @Override
  public void mount(Router router) {
    router.get("/health").handler(ctx -> pool.query("SELECT 1").execute()
        .onSuccess(ok -> {
          List<RuleRunner.Overdue> stuck = ruleBook.runner().stuck();
          if (!stuck.isEmpty()) {
            RuleRunner.Overdue oldest = stuck.get(0);
            Responses.json(ctx, 503, new JsonObject()
                .put("status", "unavailable")
                .put("reason", stuck.size() + " rule worker(s) stuck past their deadline; the oldest, "
                    + oldest.what() + ", has run " + oldest.running().toMillis() + " ms"));
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
}

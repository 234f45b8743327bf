package community.recommender.web.http.ops;

import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleRunner;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.store.StoreHealth;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.List;

/**
 * {@code GET /health}: whether the server and its database answer, without a token.
 *
 * <p>A rule worker stuck past its decision deadline also makes the server unavailable: its thread
 * is lost to decisions until the rules give it back, and a load balancer should know.
 */
public final class HealthRoutes implements Routes {
  private final StoreHealth database;
  private final RuleBook ruleBook;

  public HealthRoutes(StoreHealth database, RuleBook ruleBook) {
    this.database = database;
    this.ruleBook = ruleBook;
  }

  @Override
  public void mount(Router router) {
    router.get("/health").handler(ctx -> database.check()
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

package community.recommender.web.http.ops;

import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.engine.rules.RuleBook;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import community.recommender.web.store.StoreHealth;

/** {@code GET /health}: whether the server and its database answer, without a token. */
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
        .onSuccess(ok -> Responses.json(ctx, 200, new JsonObject()
            .put("status", "ok")
            .put("ruleSetVersion", ruleBook.active().version())))
        .onFailure(e -> Responses.json(ctx, 503, new JsonObject()
            .put("status", "unavailable")
            .put("reason", "database: " + e.getMessage()))));
  }
}

package community.recommender.web.http.tokens;

import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.web.store.Caller;
import community.recommender.web.http.TokenAuthHandler;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import java.util.Locale;

/** {@code GET /api/v1/session}: who the caller's token belongs to, so a client can adapt to its role. */
public final class SessionRoutes implements Routes {

  @Override
  public void mount(Router router) {
    router.get("/api/v1/session").handler(ctx -> {
      Caller caller = TokenAuthHandler.caller(ctx);
      Responses.json(ctx, 200, new JsonObject()
          .put("role", caller.role().name().toLowerCase(Locale.ROOT))
          .put("name", caller.name())
          .put("groups", new JsonArray(caller.groups())));
    });
  }
}

package community.recommender.web.api;

import community.recommender.web.auth.Role;
import community.recommender.web.auth.TokenAuthHandler;
import community.recommender.web.decision.SuggestionService;
import community.recommender.web.json.SuggestionJson;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/** {@code /api/v1/groups/{groupId}/suggestion}: what the group should get next. */
public final class SuggestionRoutes implements Routes {
  private final SuggestionService suggestions;

  public SuggestionRoutes(SuggestionService suggestions) {
    this.suggestions = suggestions;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/groups/:groupId/suggestion").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT))
        .handler(this::next);
  }

  private void next(RoutingContext ctx) {
    String groupId = GroupRoutes.groupId(ctx);
    suggestions.next(groupId)
        .onSuccess(found -> {
          if (found.isEmpty()) {
            ctx.response().setStatusCode(204).end();
          } else {
            Responses.json(ctx, 200, SuggestionJson.toJson(found.get()));
          }
        })
        .onFailure(ctx::fail);
  }
}

package community.recommender.web.api;

import community.recommender.web.auth.Role;
import community.recommender.web.auth.TokenAuthHandler;
import community.recommender.web.decision.SuggestionAnswer;
import community.recommender.web.decision.SuggestionService;
import community.recommender.web.json.SuggestionJson;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code /api/v1/groups/{groupId}/suggestion}: what the group should get next.
 *
 * <p>200 with the suggestion; 204 when nothing suits now, with {@code Retry-After} and
 * {@code X-Next-Suggestion-At} when rules hold the group back until a known time.
 * {@code ?explain=true} adds the needs found, the candidates dropped and the rules fired.
 */
public final class SuggestionRoutes implements Routes {
  private final SuggestionService suggestions;
  private final Clock clock;

  public SuggestionRoutes(SuggestionService suggestions, Clock clock) {
    this.suggestions = suggestions;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/groups/:groupId/suggestion").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT))
        .handler(this::next);
  }

  private void next(RoutingContext ctx) {
    String groupId = GroupRoutes.groupId(ctx);
    boolean explain = Boolean.parseBoolean(ctx.queryParams().get("explain"));
    suggestions.next(groupId)
        .onSuccess(answer -> respond(ctx, answer, explain))
        .onFailure(ctx::fail);
  }

  private void respond(RoutingContext ctx, SuggestionAnswer answer, boolean explain) {
    if (answer instanceof SuggestionAnswer.Suggested suggested) {
      JsonObject body = SuggestionJson.toJson(suggested.suggestion());
      if (explain) {
        body.put("explanation", suggested.explanation());
      }
      Responses.json(ctx, 200, body);
    } else if (answer instanceof SuggestionAnswer.Held held) {
      long seconds = Math.max(1, Duration.between(clock.instant(), held.until()).toSeconds());
      ctx.response().putHeader("Retry-After", Long.toString(seconds))
          .putHeader("X-Next-Suggestion-At", held.until().toString())
          .setStatusCode(204).end();
    } else {
      ctx.response().setStatusCode(204).end();
    }
  }
}

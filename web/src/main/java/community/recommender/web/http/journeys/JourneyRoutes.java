package community.recommender.web.http.journeys;

import community.recommender.web.application.journeys.JourneyService;
import community.recommender.web.http.GroupIds;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.Role;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Journeys, for operators: {@code POST /api/v1/groups/{groupId}/journey} runs one group's playbook
 * forward with a simulated clock, and {@code POST /api/v1/journeys} reports on many groups' health.
 * Nothing of a journey is stored or delivered.
 */
public final class JourneyRoutes implements Routes {
  private final JourneyService journeys;

  public JourneyRoutes(JourneyService journeys) {
    this.journeys = journeys;
  }

  @Override
  public void mount(Router router) {
    var operator = TokenAuthHandler.requireRole(Role.OPERATOR);
    router.post("/api/v1/groups/:groupId/journey").handler(operator).handler(this::journey);
    router.post("/api/v1/journeys").handler(operator).handler(this::report);
  }

  private void journey(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    JourneyParams params = JourneyParams.forGroup(ctx);
    journeys.journey(id, params.days(), params.files())
        .onSuccess(journey -> Responses.json(ctx, 200, JourneyJson.journey(journey.journey(), journey.name(),
            params.days(), journey.ruleSetVersion())))
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    JourneyParams params = JourneyParams.forReport(ctx);
    journeys.report(params.ids(), params.filter(), params.days(), params.files())
        .onSuccess(report -> Responses.json(ctx, 200, JourneyJson.report(report)))
        .onFailure(ctx::fail);
  }
}

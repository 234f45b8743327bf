package community.recommender.web.http.experiments;

import community.recommender.web.application.experiments.ExperimentReports;
import community.recommender.web.application.experiments.ExperimentService;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code /api/v1/experiments}: operators test a challenger rule set, or a holdout, against the
 * current playbook on groups, and read the per-group analysis. Operators and admins only.
 */
public final class ExperimentRoutes implements Routes {
  private final ExperimentService experiments;
  private final ExperimentReports reports;
  private final Clock clock;

  public ExperimentRoutes(ExperimentService experiments, ExperimentReports reports, Clock clock) {
    this.experiments = experiments;
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/experiments").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::create);
    router.get("/api/v1/experiments").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::list);
    router.get("/api/v1/experiments/:experimentId").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::show);
    router.get("/api/v1/experiments/:experimentId/groups").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::groups);
    router.post("/api/v1/experiments/:experimentId/stop").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::stop);
    router.get("/api/v1/experiments/:experimentId/report").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::report);
  }

  private void create(RoutingContext ctx) {
    var draft = ExperimentRequest.read(Responses.jsonBody(ctx), clock.instant());
    experiments.create(draft, TokenAuthHandler.caller(ctx).author())
        .onSuccess(created -> {
          ctx.response().putHeader("Location", "/api/v1/experiments/" + created.experiment().id());
          Responses.json(ctx, 201, ExperimentJson.toJson(created.experiment(), clock.instant(),
              created.groupsPerArm()).put("skipped", created.skipped()));
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    experiments.list()
        .onSuccess(all -> {
          JsonArray items = new JsonArray();
          all.forEach(experiment -> items.add(ExperimentJson.toJson(experiment, clock.instant(), null)));
          Responses.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
        })
        .onFailure(ctx::fail);
  }

  private void show(RoutingContext ctx) {
    String id = ctx.pathParam("experimentId");
    experiments.find(id).compose(experiment -> experiments.assignments(id).map(assigned -> {
          Map<String, Integer> perArm = new HashMap<>();
          experiment.arms().forEach(arm -> perArm.put(arm.name(), 0));
          assigned.forEach(a -> perArm.merge(a.arm(), 1, Integer::sum));
          return ExperimentJson.toJson(experiment, clock.instant(), perArm);
        }))
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

  private void groups(RoutingContext ctx) {
    experiments.assignments(ctx.pathParam("experimentId"))
        .onSuccess(assigned -> {
          JsonArray items = new JsonArray();
          assigned.forEach(a -> items.add(new JsonObject().put("groupId", a.groupId()).put("arm", a.arm())
              .put("stratum", a.stratum()).put("assignedAt", a.assignedAt().toString())));
          Responses.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
        })
        .onFailure(ctx::fail);
  }

  private void stop(RoutingContext ctx) {
    experiments.stop(ctx.pathParam("experimentId"))
        .onSuccess(stopped -> Responses.json(ctx, 200, ExperimentJson.toJson(stopped, clock.instant(), null)))
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    reports.report(ctx.pathParam("experimentId"))
        .onSuccess(report -> Responses.json(ctx, 200, ExperimentJson.report(report, clock.instant())))
        .onFailure(ctx::fail);
  }
}

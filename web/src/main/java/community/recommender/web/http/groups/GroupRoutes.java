package community.recommender.web.http.groups;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.NulCharacters;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import community.recommender.web.store.Caller;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.PendingSuggestion;
import community.recommender.web.http.GroupIds;
import community.recommender.web.store.GroupQuery;
import community.recommender.web.store.OverlappingWindowException;
import community.recommender.web.store.ActivityReportStore;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code /api/v1/groups}: list groups, read one, create or replace a portrait, archive a group,
 * and report its activity.
 */
public final class GroupRoutes implements Routes {
  private final GroupStore groups;
  /** How many days of activity the group view charts. */
  private static final int DAILY_DAYS = 30;

  private final ActivityReportStore reports;
  private final SuggestionStore suggestions;
  private final Clock clock;

  public GroupRoutes(GroupStore groups, ActivityReportStore reports, SuggestionStore suggestions, Clock clock) {
    this.groups = groups;
    this.reports = reports;
    this.suggestions = suggestions;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/groups").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT)).handler(this::list);
    router.get("/api/v1/groups/:groupId").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT))
        .handler(this::get);
    router.put("/api/v1/groups/:groupId").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::put);
    router.delete("/api/v1/groups/:groupId").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::archive);
    router.post("/api/v1/groups/:groupId/activity").handler(TokenAuthHandler.requireRole(Role.BOT, Role.OPERATOR))
        .handler(this::report);
  }

  private void list(RoutingContext ctx) {
    GroupQuery query = GroupListParams.read(ctx, TokenAuthHandler.caller(ctx));
    groups.page(query)
        .onSuccess(page -> {
          JsonArray items = new JsonArray();
          page.items().stream().map(GroupJson::summary).forEach(items::add);
          Responses.json(ctx, 200, new JsonObject().put("items", items).put("total", page.total())
              .put("page", query.page()).put("pageSize", query.pageSize()));
        })
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    Portrait portrait = PortraitJson.fromJson(Responses.jsonBody(ctx));
    groups.save(id, portrait)
        .compose(created -> suggestions.supersedePending(id, "the portrait changed").map(created))
        .compose(created -> assessed(id).compose(group -> groups.recency(id, clock.instant())
            .compose(recency -> suggestions.pending(id).map(pending -> new Answer(created ? 201 : 200,
                GroupJson.toJson(group, recency, pending.map(PendingSuggestion::suggestion)))))))
        .onSuccess(answer -> Responses.json(ctx, answer.status(), answer.body()))
        .onFailure(ctx::fail);
  }

  private void archive(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    groups.archive(id)
        .compose(archived -> archived
            ? suggestions.supersedePending(id, "the group was archived").map(true) : Future.succeededFuture(false))
        .onSuccess(archived -> {
          if (archived) {
            ctx.response().setStatusCode(204).end();
          } else {
            ctx.fail(ApiError.notFound("no group '" + id + "'"));
          }
        })
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    Object body = jsonValue(ctx);
    Instant now = clock.instant();
    List<ActivityReport> windows = ActivityReportJson.fromBody(body, now);
    String prefix = body instanceof JsonArray ? "[%d]." : "";
    reports.record(id, windows)
        .recover(e -> Future.failedFuture(e instanceof OverlappingWindowException overlap
            ? ApiError.invalid(prefix.formatted(overlap.index()) + "from", overlap.getMessage()) : e))
        .compose(receipt -> {
          if (receipt.isEmpty()) {
            return Future.failedFuture(ApiError.notFound("no group '" + id + "'"));
          }
          return suggestions.supersedePending(id, "new activity was reported").compose(done -> assessed(id))
              .map(group -> new JsonObject()
              .put("added", receipt.get().added())
              .put("replaced", receipt.get().replaced())
              .put("activity", GroupJson.activity(group.getActivity()))
              .put("stage", group.getStage().name()));
        })
        .onSuccess(answer -> Responses.json(ctx, 200, answer))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    groups.find(id, clock.instant())
        .map(found -> found.orElseThrow(() -> ApiError.notFound("no group '" + id + "'")))
        .compose(group -> groups.recency(id, clock.instant()).compose(recency -> suggestions.pending(id)
            .compose(pending -> reports.daily(id, DAILY_DAYS, clock.instant(), group.getPortrait().getTimezone())
                .map(daily -> withDaily(GroupJson.toJson(group, recency,
                    pending.map(PendingSuggestion::suggestion)), daily)))))
        .onSuccess(json -> Responses.json(ctx, 200, json))
        .onFailure(ctx::fail);
  }

  private static JsonObject withDaily(JsonObject group, JsonArray daily) {
    group.getJsonObject("activity").put("daily", daily);
    return group;
  }

  /** The group as it stands now, its assessment stored for lists on the way. */
  private Future<Group> assessed(String id) {
    Instant now = clock.instant();
    return groups.find(id, now)
        .map(found -> found.orElseThrow(() -> ApiError.notFound("no group '" + id + "'")))
        .compose(group -> groups.saveAssessments(List.of(group), now).map(group));
  }

  private record Answer(int status, JsonObject body) {}

  private static Object jsonValue(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiError.malformed("the request needs a JSON body");
    }
    try {
      Object json = Json.decodeValue(ctx.body().buffer());
      NulCharacters.refuseIn(json, "");
      return json;
    } catch (DecodeException e) {
      throw ApiError.malformed("the body is not JSON: " + e.getMessage());
    }
  }

}

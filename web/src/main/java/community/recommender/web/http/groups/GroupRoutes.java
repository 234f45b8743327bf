package community.recommender.web.http.groups;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.NulCharacters;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.Portrait;
import community.recommender.web.application.groups.GroupBulk;
import community.recommender.web.application.groups.GroupService;
import community.recommender.web.http.GroupIds;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.GroupQuery;
import community.recommender.web.store.GroupSummary;
import community.recommender.web.store.OverlappingWindowException;
import community.recommender.web.store.Role;
import community.recommender.web.store.SentSuggestion;
import io.vertx.core.Future;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * {@code /api/v1/groups}: list groups, read one, create or replace a portrait, archive a group,
 * report its activity, read the history of what was suggested to it, and change many groups at once.
 */
public final class GroupRoutes implements Routes {
  /** The most suggestions one page of a group's history holds. */
  static final int MAX_HISTORY_PAGE = 100;

  private final GroupService groups;
  private final GroupBulk bulk;
  private final Clock clock;

  public GroupRoutes(GroupService groups, GroupBulk bulk, Clock clock) {
    this.groups = groups;
    this.bulk = bulk;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/groups").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT)).handler(this::list);
    // Before /:groupId routes, which would otherwise take "bulk" for a group's id.
    router.post("/api/v1/groups/bulk").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::bulk);
    router.get("/api/v1/groups/:groupId").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT))
        .handler(this::get);
    router.get("/api/v1/groups/:groupId/suggestions").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::history);
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

  /** One page of the group's suggestions, newest first: {@code ?before=} a suggestion id, {@code ?limit=} 1 to 100. */
  private void history(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    UUID before = HistoryParams.before(ctx);
    int limit = HistoryParams.limit(ctx, MAX_HISTORY_PAGE);
    groups.history(id, before, limit + 1)
        .onSuccess(found -> {
          List<SentSuggestion> page = found.subList(0, Math.min(limit, found.size()));
          String next = found.size() > limit ? page.get(page.size() - 1).id().toString() : null;
          Responses.json(ctx, 200, GroupHistoryJson.page(id, page, next));
        })
        .onFailure(ctx::fail);
  }

  /** One change to many groups, listed or filtered, with each group's result. */
  private void bulk(RoutingContext ctx) {
    GroupBulkJson.Request request = GroupBulkJson.read(Responses.jsonBody(ctx));
    Future<List<String>> ids;
    if (request.ids() != null) {
      ids = Future.succeededFuture(request.ids());
    } else {
      GroupQuery query = GroupListParams.filtered(GroupBulkJson.params(request.filter()), "filter.", TokenAuthHandler.caller(ctx), 1,
          GroupBulkJson.MAX_GROUPS);
      ids = groups.page(query).map(page -> {
        if (page.total() > GroupBulkJson.MAX_GROUPS) {
          throw ApiError.invalid("filter", "the filter selects " + page.total() + " groups; narrow it to at most "
              + GroupBulkJson.MAX_GROUPS);
        }
        return page.items().stream().map(GroupSummary::id).toList();
      });
    }
    ids.compose(selected -> bulk.apply(selected, request.change()))
        .onSuccess(outcomes -> Responses.json(ctx, 200, GroupBulkJson.report(request.change(), outcomes)))
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    Portrait portrait = PortraitJson.fromJson(Responses.jsonBody(ctx));
    groups.save(id, portrait)
        .onSuccess(saved -> Responses.json(ctx, saved.created() ? 201 : 200,
            GroupJson.toJson(saved.group(), saved.recency(), saved.pending())))
        .onFailure(ctx::fail);
  }

  private void archive(RoutingContext ctx) {
    groups.archive(GroupIds.fromPath(ctx))
        .onSuccess(archived -> ctx.response().setStatusCode(204).end())
        .onFailure(ctx::fail);
  }

  private void report(RoutingContext ctx) {
    String id = GroupIds.fromPath(ctx);
    Object body = jsonValue(ctx);
    List<ActivityReport> windows = ActivityReportJson.fromBody(body, clock.instant());
    String prefix = body instanceof JsonArray ? "[%d]." : "";
    groups.report(id, windows)
        .recover(e -> Future.failedFuture(e instanceof OverlappingWindowException overlap
            ? ApiError.invalid(prefix.formatted(overlap.index()) + "from", overlap.getMessage()) : e))
        .onSuccess(recorded -> Responses.json(ctx, 200, new JsonObject()
            .put("added", recorded.receipt().added())
            .put("replaced", recorded.receipt().replaced())
            .put("activity", GroupJson.activity(recorded.group().getActivity()))
            .put("stage", recorded.group().getStage().name())))
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    groups.view(GroupIds.fromPath(ctx))
        .onSuccess(view -> {
          JsonObject json = GroupJson.toJson(view.group(), view.recency(), view.pending());
          json.getJsonObject("activity").put("daily", view.daily());
          Responses.json(ctx, 200, json);
        })
        .onFailure(ctx::fail);
  }

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

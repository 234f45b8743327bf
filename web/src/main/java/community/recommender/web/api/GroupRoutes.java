package community.recommender.web.api;

import community.recommender.engine.model.Portrait;
import community.recommender.web.auth.Role;
import community.recommender.web.auth.TokenAuthHandler;
import community.recommender.web.json.GroupJson;
import community.recommender.web.json.PortraitJson;
import community.recommender.web.store.PgGroupStore;
import community.recommender.web.store.PgSuggestionStore;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.regex.Pattern;

/** {@code /api/v1/groups}: list groups, read one, and create or replace a portrait. */
public final class GroupRoutes implements Routes {
  private static final Pattern GROUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");

  private final PgGroupStore groups;
  private final PgSuggestionStore suggestions;
  private final Clock clock;

  public GroupRoutes(PgGroupStore groups, PgSuggestionStore suggestions, Clock clock) {
    this.groups = groups;
    this.suggestions = suggestions;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/groups").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT)).handler(this::list);
    router.get("/api/v1/groups/:groupId").handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT))
        .handler(this::get);
    router.put("/api/v1/groups/:groupId").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::put);
  }

  private void list(RoutingContext ctx) {
    var caller = TokenAuthHandler.caller(ctx);
    groups.list(clock.instant())
        .onSuccess(all -> {
          JsonArray items = new JsonArray();
          all.stream().filter(g -> caller.mayActFor(g.getId())).map(GroupJson::summary).forEach(items::add);
          Responses.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
        })
        .onFailure(ctx::fail);
  }

  private void get(RoutingContext ctx) {
    String id = groupId(ctx);
    groups.find(id, clock.instant())
        .map(found -> found.orElseThrow(() -> ApiError.notFound("no group '" + id + "'")))
        .onSuccess(group -> Responses.json(ctx, 200, GroupJson.toJson(group)))
        .onFailure(ctx::fail);
  }

  private void put(RoutingContext ctx) {
    String id = groupId(ctx);
    Portrait portrait = PortraitJson.fromJson(Responses.jsonBody(ctx));
    groups.save(id, portrait)
        .compose(created -> suggestions.supersedePending(id, "the portrait changed").map(created))
        .compose(created -> groups.find(id, clock.instant())
            .onSuccess(found -> Responses.json(ctx, created ? 201 : 200, GroupJson.toJson(found.orElseThrow()))))
        .onFailure(ctx::fail);
  }

  /** Whether {@code id} follows the pattern group ids must follow. */
  static boolean isGroupId(String id) {
    return GROUP_ID.matcher(id).matches();
  }

  /** The group id from the path, checked against the pattern ids must follow; also for bots' scope. */
  static String groupId(RoutingContext ctx) {
    String id = ctx.pathParam("groupId");
    if (!isGroupId(id)) {
      throw ApiError.invalid("groupId", "groupId must be 1-128 letters, digits, '.', '_', ':' or '-'");
    }
    if (!TokenAuthHandler.caller(ctx).mayActFor(id)) {
      throw ApiError.forbidden("this token is not allowed to act for group '" + id + "'");
    }
    return id;
  }
}

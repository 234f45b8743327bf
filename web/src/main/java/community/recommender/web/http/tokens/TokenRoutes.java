package community.recommender.web.http.tokens;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.web.http.GroupIds;
import community.recommender.web.application.tokens.TokenService;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.TokenRecord;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /api/v1/tokens}: create, list and revoke API tokens. Admins only. A new token is answered
 * once and never again: only its hash is kept.
 */
public final class TokenRoutes implements Routes {
  private static final int MAX_NAME = 100;
  /** The most groups one bot token may be limited to. */
  private static final int MAX_GROUPS = 1_000;

  private final TokenService tokens;
  private final TokenAuthHandler auth;

  public TokenRoutes(TokenService tokens, TokenAuthHandler auth) {
    this.tokens = tokens;
    this.auth = auth;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/tokens").handler(TokenAuthHandler.requireRole(Role.ADMIN)).handler(this::create);
    router.get("/api/v1/tokens").handler(TokenAuthHandler.requireRole(Role.ADMIN)).handler(this::list);
    router.delete("/api/v1/tokens/:tokenId").handler(TokenAuthHandler.requireRole(Role.ADMIN)).handler(this::revoke);
  }

  private void create(RoutingContext ctx) {
    JsonObject body = Responses.jsonBody(ctx);
    Role role = role(body.getValue("role"));
    List<String> groups = groups(body.getValue("groups"), role);
    String name = name(body.getValue("name"), role);
    tokens.create(role, groups, name, TokenAuthHandler.caller(ctx).author())
        .onSuccess(issued -> {
          ctx.response().putHeader("Location", "/api/v1/tokens/" + issued.record().id())
              .putHeader("Cache-Control", "no-store");
          Responses.json(ctx, 201, toJson(issued.record()).put("token", issued.token()));
        })
        .onFailure(ctx::fail);
  }

  private void list(RoutingContext ctx) {
    tokens.list()
        .onSuccess(all -> {
          JsonArray items = new JsonArray();
          all.forEach(record -> items.add(toJson(record)));
          Responses.json(ctx, 200, new JsonObject().put("items", items).put("total", items.size()));
        })
        .onFailure(ctx::fail);
  }

  private void revoke(RoutingContext ctx) {
    String id = ctx.pathParam("tokenId");
    tokens.revoke(id)
        .onSuccess(revoked -> {
          auth.forget(id);
          ctx.response().setStatusCode(204).end();
        })
        .onFailure(ctx::fail);
  }

  static JsonObject toJson(TokenRecord record) {
    return new JsonObject()
        .put("id", record.id())
        .put("name", record.name())
        .put("role", record.role().name().toLowerCase(Locale.ROOT))
        .put("groups", new JsonArray(record.groups()))
        .put("createdAt", record.createdAt().toString())
        .put("createdBy", record.createdBy())
        .put("revokedAt", record.revokedAt() == null ? null : record.revokedAt().toString())
        .put("lastUsedAt", record.lastUsedAt() == null ? null : record.lastUsedAt().toString());
  }

  private static Role role(Object value) {
    if (value instanceof String text) {
      for (Role role : Role.values()) {
        if (role.name().equalsIgnoreCase(text.strip())) {
          return role;
        }
      }
    }
    throw ApiError.invalid("role", "role must be one of admin, operator, editor, bot");
  }

  private static List<String> groups(Object value, Role role) {
    if (value == null) {
      return List.of();
    }
    if (role != Role.BOT) {
      throw ApiError.invalid("groups", "only bot tokens are limited to groups; leave groups out for " 
          + role.name().toLowerCase(Locale.ROOT) + " tokens");
    }
    if (!(value instanceof JsonArray array) || array.isEmpty()) {
      throw ApiError.invalid("groups", "groups must be a non-empty list of group ids, or left out for every group");
    }
    if (array.size() > MAX_GROUPS) {
      throw ApiError.invalid("groups", "a token may be limited to at most " + MAX_GROUPS + " groups, not "
          + array.size() + "; leave groups out for every group");
    }
    List<String> groups = new ArrayList<>();
    for (Object id : array) {
      if (!(id instanceof String text) || !GroupIds.isValid(text)) {
        throw ApiError.invalid("groups", "'" + id + "' is not a group id: 1-128 letters, digits, '.', '_', ':' or '-'");
      }
      if (!groups.contains(text)) {
        groups.add(text);
      }
    }
    return groups;
  }

  private static String name(Object value, Role role) {
    if (value == null) {
      return role.name().toLowerCase(Locale.ROOT) + " token";
    }
    if (!(value instanceof String text) || text.isBlank() || text.length() > MAX_NAME) {
      throw ApiError.invalid("name", "name must be text of 1-" + MAX_NAME + " characters");
    }
    return text.strip();
  }
}

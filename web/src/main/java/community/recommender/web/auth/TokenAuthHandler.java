package community.recommender.web.auth;

import community.recommender.web.api.ApiError;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

/** Lets a request through only with a known bearer token, and remembers its caller. */
public final class TokenAuthHandler implements Handler<RoutingContext> {
  private static final String CALLER = "caller";
  private static final String BEARER = "Bearer ";

  private final PgTokenStore tokens;

  public TokenAuthHandler(PgTokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String header = ctx.request().getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      ctx.fail(ApiError.unauthenticated("send a token as 'Authorization: Bearer <token>'"));
      return;
    }
    tokens.callerOf(header.substring(BEARER.length()).strip())
        .onSuccess(caller -> {
          if (caller.isEmpty()) {
            ctx.fail(ApiError.unauthenticated("unknown or revoked token"));
            return;
          }
          ctx.put(CALLER, caller.get());
          ctx.next();
        })
        .onFailure(ctx::fail);
  }

  /** The caller of an authenticated request. */
  public static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER);
  }

  /** A handler that lets through only callers with one of {@code roles}; admins always pass. */
  public static Handler<RoutingContext> requireRole(Role... roles) {
    Set<Role> allowed = EnumSet.of(Role.ADMIN, roles);
    String names = Arrays.toString(roles).toLowerCase(java.util.Locale.ROOT);
    return ctx -> {
      if (allowed.contains(caller(ctx).role())) {
        ctx.next();
      } else {
        ctx.fail(ApiError.forbidden("this needs a token with one of the roles " + names));
      }
    };
  }
}

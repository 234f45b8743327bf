package community.recommender.web.http;

import community.recommender.web.application.tokens.TokenService;
import community.recommender.web.store.Caller;
import community.recommender.web.store.Role;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a request through only with a known bearer token within its rate limit, and remembers its
 * caller.
 *
 * <p>Known tokens are remembered for a second, so that a busy bot costs one token lookup a second,
 * not one a request (nor a hash). A revocation on this node takes effect at once, and on other
 * nodes within that second. Unknown tokens are never remembered: each costs a lookup. Known tokens
 * are remembered as sent, in memory only, for that second.
 */
public final class TokenAuthHandler implements Handler<RoutingContext> {
  private static final String CALLER = "caller";
  private static final String BEARER = "Bearer ";
  private static final long REMEMBER_MILLIS = 1_000L;
  private static final int REMEMBER_AT_MOST = 10_000;

  private final TokenService tokens;
  private final RateLimiter limiter;
  private final Clock clock;
  /** Callers by the token they sent. */
  private final Map<String, Remembered> known = new ConcurrentHashMap<>();

  /** Checks tokens with {@code tokens}, takes each request from {@code limiter}, and remembers tokens by {@code clock}. */
  public TokenAuthHandler(TokenService tokens, RateLimiter limiter, Clock clock) {
    this.tokens = tokens;
    this.limiter = limiter;
    this.clock = clock;
  }

  /**
   * Runs before any body handler: a request's body stays unread (paused) while its token is
   * checked, so a request without a valid token is answered 401 without reading, buffering or
   * spooling a byte of it, and without a {@code 100 Continue}. The body handler resumes it.
   */
  @Override
  public void handle(RoutingContext ctx) {
    if (mayHaveBody(ctx.request().method()) && !ctx.request().isEnded()) {
      ctx.request().pause();
    }
    String token = tokenOf(ctx.request().getHeader(HeaderNames.AUTHORIZATION));
    if (token == null) {
      ctx.fail(ApiError.unauthenticated("send a token as 'Authorization: Bearer <token>'"));
      return;
    }
    Caller remembered = rememberedOf(token);
    if (remembered != null) {
      admit(ctx, remembered);
      return;
    }
    tokens.callerOf(token)
        .onSuccess(caller -> {
          if (caller.isEmpty()) {
            known.remove(token);
            ctx.fail(ApiError.unauthenticated("unknown or revoked token"));
            return;
          }
          if (known.size() >= REMEMBER_AT_MOST) {
            known.clear();
          }
          known.put(token, new Remembered(caller.get(), clock.millis()));
          admit(ctx, caller.get());
        })
        .onFailure(ctx::fail);
  }

  /**
   * The caller of {@code authorization} (the header as sent) when its token was found valid within the
   * last second, as {@link #handle} would admit it without a lookup; null otherwise.
   */
  public Caller rememberedCaller(String authorization) {
    String token = tokenOf(authorization);
    return token == null ? null : rememberedOf(token);
  }

  /** The token in an {@code Authorization} header, or null when it is not a bearer token. */
  private static String tokenOf(String authorization) {
    if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return null;
    }
    return authorization.substring(BEARER.length()).strip();
  }

  /** The caller of {@code token} when it was found valid within the last second, else null. */
  private Caller rememberedOf(String token) {
    Remembered remembered = known.get(token);
    if (remembered == null) {
      return null;
    }
    // A clock set back forgets, rather than remembering for as long as it was set back.
    long age = clock.millis() - remembered.at();
    return age >= 0 && age < REMEMBER_MILLIS ? remembered.caller() : null;
  }

  /**
   * Takes one request from {@code caller}'s rate limit; false when it is spent. A refused request
   * takes nothing, so asking again (as the router does for a request a shortcut leaves) is refused too.
   */
  public boolean withinRate(Caller caller) {
    return limiter.take(caller.tokenId()) == 0;
  }

  /** Whether {@code caller} has one of {@code roles}; admins always do. */
  public static boolean hasRole(Caller caller, Role... roles) {
    if (caller.role() == Role.ADMIN) {
      return true;
    }
    for (Role role : roles) {
      if (caller.role() == role) {
        return true;
      }
    }
    return false;
  }

  private void admit(RoutingContext ctx, Caller caller) {
    long wait = limiter.take(caller.tokenId());
    if (wait > 0) {
      ctx.fail(ApiError.rateLimited(wait));
      return;
    }
    ctx.put(CALLER, caller);
    ctx.next();
  }

  /** The methods the API reads a body for; their routes always pass a body handler, which resumes the request. */
  public static boolean mayHaveBody(HttpMethod method) {
    return method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
        || method == HttpMethod.DELETE;
  }

  /** Forgets the token {@code tokenId} at once, as after it was revoked here. */
  public void forget(String tokenId) {
    known.values().removeIf(r -> r.caller().tokenId().equals(tokenId));
  }

  /** The caller of an authenticated request. */
  public static Caller caller(RoutingContext ctx) {
    return ctx.get(CALLER);
  }


  /** A handler that lets through only callers with one of {@code roles}; admins always pass. */
  public static Handler<RoutingContext> requireRole(Role... roles) {
    String names = Arrays.toString(roles).toLowerCase(java.util.Locale.ROOT);
    return ctx -> {
      if (hasRole(caller(ctx), roles)) {
        ctx.next();
      } else {
        ctx.fail(ApiError.forbidden("this needs a token with one of the roles " + names));
      }
    };
  }

  private record Remembered(Caller caller, long at) {}
}

package community.recommender.web.http;

import io.vertx.core.http.HttpHeaders;

/**
 * The names and fixed values of the headers every poll reads or writes, made once: a name given as
 * a plain string is hashed again, character by character, on each lookup and write.
 */
public final class HeaderNames {
  public static final CharSequence AUTHORIZATION = HttpHeaders.AUTHORIZATION;
  public static final CharSequence REQUEST_ID = HttpHeaders.createOptimized("X-Request-Id");
  public static final CharSequence IF_NONE_MATCH = HttpHeaders.createOptimized("If-None-Match");
  public static final CharSequence ORIGIN = HttpHeaders.createOptimized("Origin");
  public static final CharSequence CONTENT_TYPE = HttpHeaders.createOptimized("Content-Type");
  public static final CharSequence ETAG = HttpHeaders.createOptimized("ETag");
  public static final CharSequence CACHE_CONTROL = HttpHeaders.createOptimized("Cache-Control");
  public static final CharSequence RETRY_AFTER = HttpHeaders.createOptimized("Retry-After");
  public static final CharSequence NEXT_SUGGESTION_AT = HttpHeaders.createOptimized("X-Next-Suggestion-At");
  public static final CharSequence EXPERIMENT = HttpHeaders.createOptimized("X-Experiment");
  public static final CharSequence JSON = HttpHeaders.createOptimized("application/json; charset=utf-8");
  public static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store");

  private HeaderNames() {}
}

package community.recommender.web.http;

import io.vertx.core.json.JsonArray;

/** A request the API refuses, with its HTTP status and, where one is to blame, the field. */
public final class ApiError extends RuntimeException {
  private final int status;
  private final String field;
  private final JsonArray problems;
  private final long retryAfterSeconds;

  private ApiError(int status, String field, String message) {
    this(status, field, message, null, 0);
  }

  private ApiError(int status, String field, String message, JsonArray problems) {
    this(status, field, message, problems, 0);
  }

  private ApiError(int status, String field, String message, JsonArray problems, long retryAfterSeconds) {
    super(message);
    this.status = status;
    this.field = field;
    this.problems = problems;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 400: the request could not be parsed. */
  public static ApiError malformed(String message) {
    return new ApiError(400, null, message);
  }

  /** 401: no token, or one we do not know. */
  public static ApiError unauthenticated(String message) {
    return new ApiError(401, null, message);
  }

  /** 403: a token whose role or group scope does not allow this. */
  public static ApiError forbidden(String message) {
    return new ApiError(403, null, message);
  }

  /** 404: nothing by that id. */
  public static ApiError notFound(String message) {
    return new ApiError(404, null, message);
  }

  /** 412: the resource is not at the version {@code header} (such as If-Match) names. */
  public static ApiError preconditionFailed(String header, String message) {
    return new ApiError(412, header, message);
  }

  /** 413: more than one request may carry. */
  public static ApiError tooLarge(String message) {
    return new ApiError(413, null, message);
  }

  /** 415: a body of a type this endpoint does not read. */
  public static ApiError unsupportedType(String message) {
    return new ApiError(415, null, message);
  }

  /** 409: the request contradicts what was recorded before; {@code field} is where. */
  public static ApiError conflict(String field, String message) {
    return new ApiError(409, field, message);
  }

  /** 429: this token made too many requests; it may try again after {@code seconds}. */
  public static ApiError rateLimited(long seconds) {
    return new ApiError(429, null, "too many requests for this token; try again in " + seconds + " s", null, seconds);
  }

  /** 503: this node cannot serve now (shutting down, or its database is away); try again after {@code seconds}. */
  public static ApiError unavailable(String message, long seconds) {
    return new ApiError(503, null, message, null, seconds);
  }

  /** 422: parsed, but {@code field} holds a value we cannot accept. */
  public static ApiError invalid(String field, String message) {
    return new ApiError(422, field, message);
  }

  /** 500: the rules failed this one decision (a runaway rule set); the server keeps serving. */
  public static ApiError ruleFailure(String message) {
    return new ApiError(500, null, message);
  }

  /**
   * 422 for a file of many records: every problem found, each naming its record, as objects such
   * as {@code {"line": 4, "field": "platform", "message": "…"}}.
   */
  public static ApiError invalidRecords(String message, JsonArray problems) {
    String field = problems.isEmpty() ? null : problems.getJsonObject(0).getString("field");
    return new ApiError(422, field, message, problems);
  }

  public int status() {
    return status;
  }

  /** For 429, the seconds to wait; else 0. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The offending field, or null. */
  public String field() {
    return field;
  }

  /** Every problem with a file's records, or null when the error is about one field. */
  public JsonArray problems() {
    return problems;
  }
}

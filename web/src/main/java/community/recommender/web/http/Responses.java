package community.recommender.web.http;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import community.recommender.web.application.playbook.RuleSetRejected;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes JSON answers and turns failures into JSON errors with the right status. */
public final class Responses {
  private static final Logger LOG = LoggerFactory.getLogger(Responses.class);

  private Responses() {}

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json; charset=utf-8")
        .end(body.encode());
  }

  /** The request body as a JSON object; 400 when it is missing or not JSON, 422 naming a field that holds NUL. */
  public static JsonObject jsonBody(RoutingContext ctx) {
    if (ctx.body() == null || ctx.body().length() == 0) {
      throw ApiError.malformed("the request needs a JSON object body");
    }
    try {
      JsonObject json = ctx.body().asJsonObject();
      if (json == null) {
        throw ApiError.malformed("the request needs a JSON object body");
      }
      NulCharacters.refuseIn(json, "");
      return json;
    } catch (DecodeException | ClassCastException e) {
      throw ApiError.malformed("the body is not a JSON object: " + e.getMessage());
    }
  }

  /**
   * The failure handler: every error leaves as {@code {"error": {"status", "message", "field"?}}}.
   * A request refused before its body was read (no token, too large) is answered, and then its
   * connection is closed: the rest of the body is never kept, and read only within the bounds of a
   * {@link LingeringClose}, so that the client gets the answer.
   */
  public static void failure(RoutingContext ctx) {
    if (!ctx.request().isEnded() && !ctx.response().headWritten()) {
      ctx.response().putHeader("Connection", "close");
      ctx.addEndHandler(ended -> LingeringClose.close(ctx.vertx(), ctx.request()));
    }
    Throwable failure = ctx.failure();
    ApiError error = Failures.asApiError(failure).orElse(null);
    if (error != null) {
      if (error.status() == 401) {
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
      }
      if (error.retryAfterSeconds() > 0) {
        ctx.response().putHeader("Retry-After", Long.toString(error.retryAfterSeconds()));
      }
      JsonObject body = errorBody(error.status(), error.getMessage(), error.field());
      if (error.problems() != null) {
        body.getJsonObject("error").put("problems", error.problems());
      }
      json(ctx, error.status(), body);
      return;
    }
    if (failure instanceof RuleSetRejected invalid) {
      JsonArray errors = new JsonArray();
      invalid.errors().forEach(e -> errors.add(new JsonObject().put("file", e.file()).put("line", e.line())
          .put("column", e.column()).put("message", e.message())));
      int status = Failures.status(invalid);
      json(ctx, status, errorBody(status, invalid.getMessage() + "; the running rule set is unchanged", null)
          .put("errors", errors));
      return;
    }
    int status = ctx.statusCode() > 0 ? ctx.statusCode() : 500;
    if (failure != null && status == 500) {
      LOG.error("request {} {} failed", ctx.request().method(), ctx.request().path(), failure);
    }
    String message = switch (status) {
      case 404 -> "no such resource";
      case 405 -> "method not allowed here";
      case 413 -> "the request body is too large";
      case 415 -> "this endpoint does not read a body of that type";
      case 500 -> "internal error; the server log has the details";
      default -> failure == null ? "request failed" : failure.getMessage();
    };
    json(ctx, status, errorBody(status, message, null));
  }

  private static JsonObject errorBody(int status, String message, String field) {
    JsonObject error = new JsonObject().put("status", status).put("message", message);
    if (field != null) {
      error.put("field", field);
    }
    return new JsonObject().put("error", error);
  }
}

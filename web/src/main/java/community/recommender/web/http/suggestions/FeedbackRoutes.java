package community.recommender.web.http.suggestions;

import community.recommender.engine.model.InstantRange;
import community.recommender.web.http.ApiError;
import community.recommender.web.http.QueryParam;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.web.http.GroupIds;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.application.suggestions.FeedbackService;
import community.recommender.web.store.Feedback;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The feedback loop: {@code POST /api/v1/suggestions/{id}/feedback} reports what became of a
 * suggestion, and {@code GET /api/v1/stats} sums it up per rule and per content item.
 */
public final class FeedbackRoutes implements Routes {
  /** What a chat tool may report; {@code sent} is WeCom's word for posted, and is recorded so. */
  private static final List<String> OUTCOMES = List.of("posted", "skipped", "failed", "task_created",
      "awaiting_confirmation", "sent", "expired", "cancelled");
  private static final List<String> METRICS = List.of("reactions", "replies", "clicks", "orders", "complaints", "leaves");
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
  /** The most any one metric of one report may be, so that no sum of them overflows. */
  private static final long MAX_METRIC = 1_000_000_000L;
  private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

  private final FeedbackService feedback;
  private final Clock clock;

  public FeedbackRoutes(FeedbackService feedback, Clock clock) {
    this.feedback = feedback;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/suggestions/:suggestionId/feedback")
        .handler(TokenAuthHandler.requireRole(Role.OPERATOR, Role.BOT)).handler(this::report);
    router.get("/api/v1/stats").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::stats);
  }

  private void report(RoutingContext ctx) {
    String id = ctx.pathParam("suggestionId");
    Feedback report = parse(Responses.jsonBody(ctx));
    feedback.report(id, report, TokenAuthHandler.caller(ctx))
        .onSuccess(reported -> Responses.json(ctx, 200, new JsonObject()
            .put("id", reported.id())
            .put("groupId", reported.groupId())
            .put("outcome", reported.outcome())
            .put("postedAt", reported.postedAt() == null ? null : reported.postedAt().toString())
            .put("reportedAt", reported.outcomeAt().toString())
            .put("metrics", reported.metrics())))
        .onFailure(ctx::fail);
  }

  private Feedback parse(JsonObject body) {
    for (String field : body.fieldNames()) {
      if (!Set.of("outcome", "postedAt", "metrics").contains(field)) {
        throw ApiError.invalid(field, "unknown field '" + field + "'; send outcome, postedAt and metrics");
      }
    }
    Object outcome = body.getValue("outcome");
    if (!(outcome instanceof String text) || !OUTCOMES.contains(text)) {
      throw ApiError.invalid("outcome", "outcome must be one of " + String.join(", ", OUTCOMES));
    }
    if ("sent".equals(outcome)) {
      outcome = "posted";
    }
    Instant postedAt = null;
    Object posted = body.getValue("postedAt");
    if (posted != null) {
      if (!"posted".equals(outcome)) {
        throw ApiError.invalid("postedAt", "postedAt is only for outcome posted");
      }
      try {
        postedAt = Instant.parse(String.valueOf(posted));
      } catch (DateTimeParseException e) {
        throw ApiError.invalid("postedAt", "postedAt must be an ISO-8601 instant such as 2026-05-01T09:30:00Z");
      }
      if (!InstantRange.contains(postedAt)) {
        throw ApiError.invalid("postedAt", "postedAt must lie " + InstantRange.describe());
      }
      if (postedAt.isAfter(clock.instant().plus(CLOCK_SKEW))) {
        throw ApiError.invalid("postedAt", "postedAt is in the future");
      }
    }
    return new Feedback((String) outcome, postedAt, metrics(body.getValue("metrics")));
  }

  private static JsonObject metrics(Object value) {
    if (value == null) {
      return null;
    }
    if (!(value instanceof JsonObject json)) {
      throw ApiError.invalid("metrics", "metrics must be an object of " + METRICS);
    }
    JsonObject metrics = new JsonObject();
    for (String name : json.fieldNames()) {
      if (!METRICS.contains(name)) {
        throw ApiError.invalid("metrics." + name, "metrics are " + METRICS + "; '" + name + "' is not one");
      }
      Object count = json.getValue(name);
      if (!(count instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())
          || number.doubleValue() < 0 || number.doubleValue() > MAX_METRIC) {
        throw ApiError.invalid("metrics." + name, name + " must be a whole number from 0 to " + MAX_METRIC);
      }
    }
    METRICS.forEach(name -> metrics.put(name, json.getValue(name) == null ? 0L : ((Number) json.getValue(name)).longValue()));
    return metrics;
  }

  private void stats(RoutingContext ctx) {
    Instant until = QueryParam.instant(ctx, "until", clock.instant());
    Instant since = QueryParam.instant(ctx, "since", until.minus(DEFAULT_PERIOD));
    if (!since.isBefore(until)) {
      throw ApiError.invalid("since", "since must be before until");
    }
    String groupId = ctx.queryParams().get("groupId");
    if (groupId != null && !GroupIds.isValid(groupId)) {
      throw ApiError.invalid("groupId", "groupId must be 1-128 letters, digits, '.', '_', ':' or '-'");
    }
    feedback.stats(since, until, groupId)
        .onSuccess(body -> Responses.json(ctx, 200, body))
        .onFailure(ctx::fail);
  }

}

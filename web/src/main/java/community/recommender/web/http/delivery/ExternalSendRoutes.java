package community.recommender.web.http.delivery;

import community.recommender.web.application.delivery.ExternalSendService;
import community.recommender.web.http.ApiError;
import community.recommender.web.http.GroupIds;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/groups/{groupId}/sends}: how many messages a group got on one day from a
 * sender other than this engine, so that its quotas count every sender.
 */
public final class ExternalSendRoutes implements Routes {
  static final int MAX_COUNT = 1000;
  /** How far back a day may be reported: quotas never look further. */
  static final int MAX_DAYS_BACK = 62;
  private static final String DEFAULT_SOURCE = "external";
  private static final Pattern SOURCE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

  private final ExternalSendService sends;
  private final Clock clock;

  public ExternalSendRoutes(ExternalSendService sends, Clock clock) {
    this.sends = sends;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.post("/api/v1/groups/:groupId/sends").handler(TokenAuthHandler.requireRole(Role.BOT, Role.OPERATOR))
        .handler(this::report);
  }

  private void report(RoutingContext ctx) {
    String groupId = GroupIds.fromPath(ctx);
    JsonObject body = Responses.jsonBody(ctx);
    for (String field : body.fieldNames()) {
      if (!Set.of("date", "count", "source").contains(field)) {
        throw ApiError.invalid(field, "unknown field '" + field + "'; send date, count and source");
      }
    }
    LocalDate day = day(body.getValue("date"));
    int count = count(body.getValue("count"));
    String source = source(body.getValue("source"));
    sends.report(groupId, day, source, count)
        .onSuccess(done -> Responses.json(ctx, 200, new JsonObject().put("groupId", groupId)
            .put("date", day.toString()).put("source", source).put("count", count)))
        .onFailure(ctx::fail);
  }

  private LocalDate day(Object value) {
    if (!(value instanceof String text)) {
      throw ApiError.invalid("date", "date is required: the day of the sends, such as 2026-11-25");
    }
    LocalDate day;
    try {
      day = LocalDate.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw ApiError.invalid("date", "date must be a day such as 2026-11-25");
    }
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    if (day.isAfter(today.plusDays(1)) || day.isBefore(today.minusDays(MAX_DAYS_BACK))) {
      throw ApiError.invalid("date", "date must lie from " + MAX_DAYS_BACK + " days ago to tomorrow (UTC)");
    }
    return day;
  }

  private static int count(Object value) {
    if (!(value instanceof Number number) || number.doubleValue() != Math.floor(number.doubleValue())
        || number.doubleValue() < 0 || number.doubleValue() > MAX_COUNT) {
      throw ApiError.invalid("count", "count must be a whole number from 0 to " + MAX_COUNT);
    }
    return number.intValue();
  }

  private static String source(Object value) {
    if (value == null) {
      return DEFAULT_SOURCE;
    }
    if (!(value instanceof String text) || !SOURCE.matcher(text).matches()) {
      throw ApiError.invalid("source", "source must be 1-64 letters, digits, '.', '_', ':' or '-'");
    }
    return text;
  }
}

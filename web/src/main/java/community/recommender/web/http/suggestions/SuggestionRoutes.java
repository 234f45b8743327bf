package community.recommender.web.http.suggestions;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.EntityTags;
import community.recommender.web.http.Failures;
import community.recommender.web.http.QueryParam;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;

import community.recommender.web.http.GroupIds;
import community.recommender.web.http.HeaderNames;
import community.recommender.web.store.Caller;
import community.recommender.web.store.Role;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.application.groups.GroupService;
import community.recommender.web.application.suggestions.EncodedAnswer;
import community.recommender.web.application.suggestions.SuggestionAnswer;
import community.recommender.web.application.suggestions.SuggestionService;
import community.recommender.web.application.suggestions.LongPoll;
import community.recommender.web.application.suggestions.SeenSuggestions;
import community.recommender.web.application.suggestions.Waiters;
import community.recommender.web.application.delivery.SuggestionRenderings;
import community.recommender.content.rendering.Platforms;
import community.recommender.content.rendering.Rendering;
import community.recommender.engine.model.Platform;
import community.recommender.web.store.RecordedSilence;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * What groups should get next: {@code GET /api/v1/groups/{groupId}/suggestion} for one group and
 * {@code GET /api/v1/suggestions} for many.
 *
 * <p>A bot's poll claims the suggestion it is given: no other poller, on any node, gets it, and the
 * group's next poll decides anew. An operator's or admin's poll only looks: the suggestion stays
 * pending for the group's bot.
 *
 * <p>200 carries an {@code ETag} (the suggestion's id); {@code If-None-Match} naming it, weakly or in a
 * list, or {@code *}, answers 304 while it is pending, and a bot's such poll does not claim it.
 * 204 means nothing suits now, with {@code Retry-After} and {@code X-Next-Suggestion-At} when rules
 * hold the group until a known time. {@code ?wait=N} (at most 60) long-polls for news.
 *
 * <p>Every decision that sends nothing is recorded, one per group: an operator's
 * {@code ?explain=true} shows the latest ({@code recorded} with a silence, {@code lastSilence} with a
 * suggestion), and {@code GET /api/v1/groups/{groupId}/silence} gives it with the whole decision.
 */
public final class SuggestionRoutes implements Routes {
  static final int MAX_WAIT_SECONDS = 60;
  /** The roles (besides admin) that may poll a group. */
  static final Role[] POLLERS = {Role.OPERATOR, Role.BOT};
  private static final int MAX_PAGE_SIZE = 200;
  private static final int DEFAULT_PAGE_SIZE = 50;

  private final SuggestionService suggestions;
  private final GroupService groups;
  private final Waiters waiters;
  private final SuggestionRenderings renderings;
  private final Clock clock;

  public SuggestionRoutes(SuggestionService suggestions, GroupService groups, Waiters waiters,
      SuggestionRenderings renderings, Clock clock) {
    this.suggestions = suggestions;
    this.groups = groups;
    this.waiters = waiters;
    this.renderings = renderings;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/groups/:groupId/suggestion").handler(TokenAuthHandler.requireRole(POLLERS))
        .handler(this::next);
    router.get("/api/v1/suggestions").handler(TokenAuthHandler.requireRole(POLLERS))
        .handler(this::batch);
    router.get("/api/v1/groups/:groupId/silence").handler(TokenAuthHandler.requireRole(Role.OPERATOR))
        .handler(this::silence);
  }

  /** The group's latest recorded silence, with the whole decision; {@code null} when it never had one. */
  private void silence(RoutingContext ctx) {
    String groupId = GroupIds.fromPath(ctx);
    suggestions.latestSilence(groupId).compose(recorded -> {
      if (recorded.isPresent()) {
        return Future.succeededFuture(SilenceJson.recorded(recorded.get(), true));
      }
      return groups.requireExists(groupId).map(exists -> (JsonObject) null);
    }).onSuccess(silence -> Responses.json(ctx, 200, new JsonObject().put("groupId", groupId).put("silence", silence)))
        .onFailure(ctx::fail);
  }

  private void next(RoutingContext ctx) {
    String groupId = GroupIds.fromPath(ctx);
    boolean explain = Boolean.parseBoolean(ctx.queryParams().get("explain"));
    int wait = QueryParam.integer(ctx, "wait", 0, 0, MAX_WAIT_SECONDS);
    Optional<Platform> format = format(ctx);
    EntityTags tags = EntityTags.of(ctx.request(), HeaderNames.IF_NONE_MATCH);
    SeenSuggestions known = tags == null ? SeenSuggestions.NONE : id -> tags.matchesWeakly(opaqueTag(id, explain));
    String claimFor = claimant(TokenAuthHandler.caller(ctx));
    Supplier<Future<SuggestionAnswer>> ask = () -> suggestions.next(groupId, claimFor, known);
    Future<SuggestionAnswer> answer;
    if (wait == 0) {
      answer = ask.get();
    } else {
      LongPoll poll = new LongPoll(waiters, clock, groupId, Duration.ofSeconds(wait), ask,
          a -> a instanceof SuggestionAnswer.Suggested s && !known.holds(s.suggestion().id()));
      ctx.response().closeHandler(closed -> poll.abandon());
      answer = poll.start();
    }
    boolean explained = explain && TokenAuthHandler.caller(ctx).role() != Role.BOT;
    boolean plain = !explain && format.isEmpty();
    if (answer.succeeded() && answerAtOnce(ctx, answer.result(), explained, plain, known)) {
      return;
    }
    // An answer that came later (a decision, a long poll) may need nothing more either; null once answered.
    answer.map(a -> answerAtOnce(ctx, a, explained, plain, known) ? null : a)
        .compose(a -> a == null ? Future.succeededFuture(null) : explained
            ? suggestions.latestSilence(groupId).map(recorded -> new Explained(a, recorded, null))
            : Future.succeededFuture(new Explained(a, Optional.empty(), null)))
        .compose(a -> a != null && a.answer() instanceof SuggestionAnswer.Suggested s
            ? renderings.render(s.suggestion(), format).map(r -> new Explained(a.answer(), a.silence(), r))
            : Future.succeededFuture(a))
        .onSuccess(a -> {
          if (a != null) {
            respond(ctx, a.answer(), explain, plain, known, a.silence(), a.rendering());
          }
        })
        .onFailure(e -> {
          if (!ctx.response().closed() && !ctx.response().ended()) {
            ctx.fail(e);
          }
        });
  }

  /**
   * Answers a poll whose answer is known already and needs nothing more read, as most polls are
   * answered from memory: a silence not explained, or a suggestion encoded before. False when the
   * answer needs more.
   */
  private boolean answerAtOnce(RoutingContext ctx, SuggestionAnswer answer, boolean explained, boolean plain,
      SeenSuggestions known) {
    if (answer instanceof SuggestionAnswer.Suggested s) {
      if (!plain || known.holds(s.suggestion().id()) || s.encoded().bytes().isEmpty()) {
        return false;
      }
      PollResponses.writeEncoded(ctx.response(), s.encoded().bytes().get());
      return true;
    }
    if (explained) {
      return false;
    }
    respond(ctx, answer, false, plain, known, Optional.empty(), null);
    return true;
  }

  /**
   * An answer with the group's latest recorded silence, for an operator's {@code ?explain=true}, and
   * a suggestion's rendering (null for a silence).
   */
  private record Explained(SuggestionAnswer answer, Optional<RecordedSilence> silence, Rendering rendering) {}

  /** {@code ?format=}: the platform whose rendering is wanted instead of the group's own. */
  private static Optional<Platform> format(RoutingContext ctx) {
    String value = ctx.queryParams().get("format");
    if (value == null) {
      return Optional.empty();
    }
    return Optional.of(Platforms.fromFormat(value).orElseThrow(() -> ApiError.invalid("format",
        "format must be one of wecom, wechat, telegram, discord, slack or other")));
  }

  private void respond(RoutingContext ctx, SuggestionAnswer answer, boolean explain, boolean plain,
      SeenSuggestions known, Optional<RecordedSilence> silence, Rendering rendering) {
    if (ctx.response().closed() || ctx.response().ended()) {
      return;
    }
    if (answer instanceof SuggestionAnswer.Suggested suggested) {
      if (known.holds(suggested.suggestion().id())) {
        PollResponses.experimentOf(answer)
            .ifPresent(experiment -> ctx.response().putHeader(HeaderNames.EXPERIMENT, experiment));
        ctx.response().putHeader(HeaderNames.ETAG, etag(suggested, explain))
            .putHeader(HeaderNames.CACHE_CONTROL, HeaderNames.NO_STORE)
            .setStatusCode(304).end();
        return;
      }
      JsonObject body = SuggestionJson.toJson(suggested.suggestion()).put("rendering", RenderingJson.toJson(rendering));
      if (explain) {
        body.put("explanation", suggested.explanation());
        silence.ifPresent(last -> body.put("lastSilence", SilenceJson.recorded(last, false)));
      }
      EncodedAnswer.Bytes encoded = new EncodedAnswer.Bytes(headers(suggested, explain), body.toBuffer());
      PollResponses.writeEncoded(ctx.response(), plain ? suggested.encoded().keep(encoded) : encoded);
    } else {
      long retryAfter = PollResponses.silenceHeaders(ctx.response(), answer, clock);
      if (explain && TokenAuthHandler.caller(ctx).role() != Role.BOT) {
        JsonObject body = SilenceJson.toJson(answer, retryAfter);
        silence.ifPresent(recorded -> body.put("recorded", SilenceJson.recorded(recorded, false)));
        Responses.json(ctx, 200, body);
      } else {
        ctx.response().setStatusCode(204).end();
      }
    }
  }

  /** The headers of a 200 answer with {@code suggested}. */
  private static MultiMap headers(SuggestionAnswer.Suggested suggested, boolean explain) {
    MultiMap headers = HttpHeaders.headers().add(HeaderNames.CONTENT_TYPE, HeaderNames.JSON)
        .add(HeaderNames.ETAG, etag(suggested, explain)).add(HeaderNames.CACHE_CONTROL, HeaderNames.NO_STORE);
    PollResponses.experimentOf(suggested).ifPresent(experiment -> headers.add(HeaderNames.EXPERIMENT, experiment));
    return headers;
  }

  /** Every group on the page: each item as the single-group poll would answer it, claims included. */
  private void batch(RoutingContext ctx) {
    Caller caller = TokenAuthHandler.caller(ctx);
    int page = QueryParam.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
    int pageSize = QueryParam.integer(ctx, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    String claimFor = claimant(caller);
    Optional<Platform> format = format(ctx);
    requestedGroups(ctx, caller).compose(all -> {
      long first = (long) (page - 1) * pageSize;
      List<String> onPage = all.stream().skip(first).limit(pageSize).toList();
      List<Future<JsonObject>> items = new ArrayList<>();
      onPage.forEach(id -> items.add(item(id, caller, claimFor, format)));
      return Future.all(items).map(done -> {
        JsonArray array = new JsonArray();
        items.forEach(item -> array.add(item.result()));
        return new JsonObject().put("items", array).put("page", page).put("pageSize", pageSize)
            .put("total", all.size());
      });
    }).onSuccess(body -> Responses.json(ctx, 200, body)).onFailure(ctx::fail);
  }

  private Future<JsonObject> item(String groupId, Caller caller, String claimFor, Optional<Platform> format) {
    JsonObject item = new JsonObject().put("groupId", groupId);
    if (!caller.mayActFor(groupId)) {
      return Future.succeededFuture(item.put("status", 403)
          .put("error", "this token is not allowed to act for group '" + groupId + "'"));
    }
    return suggestions.next(groupId, claimFor).compose(answer -> {
      if (answer instanceof SuggestionAnswer.Suggested suggested) {
        return renderings.render(suggested.suggestion(), format).map(rendering -> item.put("status", 200)
            .put("suggestion", SuggestionJson.toJson(suggested.suggestion())
                .put("rendering", RenderingJson.toJson(rendering))));
      }
      item.put("status", 204);
      Instant until = PollResponses.until(answer);
      item.put("retryAfter", PollResponses.retryAfter(clock, until)).put("nextSuggestionAt", until.toString());
      return Future.succeededFuture(item);
    }).recover(e -> {
      int status = Failures.asApiError(e).map(ApiError::status).orElse(500);
      return Future.succeededFuture(item.put("status", status)
          .put("error", status == 500 ? "internal error; the server log has the details" : e.getMessage()));
    });
  }

  /** {@code ?groups=a,b,c} in the order given; without it, the token's groups, or every group. */
  private Future<List<String>> requestedGroups(RoutingContext ctx, Caller caller) {
    String param = ctx.queryParams().get("groups");
    if (param == null) {
      return caller.groups().isEmpty() ? groups.ids() : Future.succeededFuture(caller.groups().stream().sorted().toList());
    }
    Set<String> ids = Arrays.stream(param.split(",")).map(String::strip).filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(LinkedHashSet::new));
    for (String id : ids) {
      if (!GroupIds.isValid(id)) {
        throw ApiError.invalid("groups", "'" + id + "' is not a group id: 1-128 letters, digits, '.', '_', ':' or '-'");
      }
    }
    return Future.succeededFuture(List.copyOf(ids));
  }

  /** A bot's poll claims what it gets; anyone else's only looks. */
  static String claimant(Caller caller) {
    return caller.role() == Role.BOT ? caller.tokenId() : null;
  }

  static String etag(SuggestionAnswer.Suggested suggested, boolean explain) {
    return "\"" + opaqueTag(suggested.suggestion().id(), explain) + "\"";
  }

  /** The entity tag without its quotes: the suggestion's id, marked when the answer carries an explanation. */
  private static String opaqueTag(String suggestionId, boolean explain) {
    return suggestionId + (explain ? "+explain" : "");
  }
}

package community.recommender.web.http.suggestions;

import community.recommender.web.application.suggestions.SuggestionAnswer;
import community.recommender.web.application.suggestions.SuggestionService;
import community.recommender.web.http.GroupIds;
import community.recommender.web.http.HeaderNames;
import community.recommender.web.http.Shortcut;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.Caller;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Answers the commonest poll before the router: a plain {@code GET /api/v1/groups/{groupId}/suggestion}
 * whose answer this node remembers (a hold, or for a look the pending suggestion encoded before), from
 * a token found valid within the last second.
 *
 * <p>The checks are the router's, made the same way: the token's role and groups, then its rate limit,
 * taken last so that a poll left to the router is counted once. A poll with a query, an
 * {@code If-None-Match} or an {@code Origin}, a path the router would decode or normalise, a token
 * not checked in the last second, or an answer that needs the database goes to the router untouched,
 * which answers it and its errors as before. The answer's bytes and headers are those the router writes.
 */
public final class RememberedPolls implements Shortcut {
  /** The route template a poll is logged and measured under. */
  public static final String ROUTE = "/api/v1/groups/{groupId}/suggestion";
  private static final String PREFIX = "/api/v1/groups/";
  private static final String SUFFIX = "/suggestion";

  private final SuggestionService suggestions;
  private final TokenAuthHandler auth;
  private final Clock clock;
  private final LongAdder answered = new LongAdder();

  public RememberedPolls(SuggestionService suggestions, TokenAuthHandler auth, Clock clock) {
    this.suggestions = suggestions;
    this.auth = auth;
    this.clock = clock;
  }

  @Override
  public Answer find(HttpServerRequest request) {
    String groupId = plainPoll(request);
    if (groupId == null) {
      return null;
    }
    Caller caller = auth.rememberedCaller(request.getHeader(HeaderNames.AUTHORIZATION));
    if (caller == null || !TokenAuthHandler.hasRole(caller, SuggestionRoutes.POLLERS) || !caller.mayActFor(groupId)) {
      return null;
    }
    Optional<SuggestionAnswer> known = suggestions.fromMemory(groupId, SuggestionRoutes.claimant(caller));
    Answer answer = known.map(remembered -> answerWith(caller, remembered)).orElse(null);
    if (answer == null || !auth.withinRate(caller)) {
      return null;
    }
    answered.increment();
    return answer;
  }

  /** How {@code remembered} is written, as the router writes it; null when it was never encoded. */
  private Answer answerWith(Caller caller, SuggestionAnswer remembered) {
    if (remembered instanceof SuggestionAnswer.Suggested suggested) {
      return suggested.encoded().bytes()
          .map(encoded -> new Answer(caller, ROUTE, response -> PollResponses.writeEncoded(response, encoded)))
          .orElse(null);
    }
    return new Answer(caller, ROUTE, response -> {
      if (!response.closed()) {
        PollResponses.silenceHeaders(response, remembered, clock);
        response.setStatusCode(204).end();
      }
    });
  }

  /** How many polls this shortcut answered. */
  public long answered() {
    return answered.sum();
  }

  /**
   * The group id of a plain poll: a GET of exactly the poll's path, with no query, no
   * {@code If-None-Match} and no {@code Origin}; null for anything else.
   */
  private static String plainPoll(HttpServerRequest request) {
    if (request.method() != HttpMethod.GET || request.query() != null) {
      return null;
    }
    String path = request.path();
    if (path.length() <= PREFIX.length() + SUFFIX.length() || !path.startsWith(PREFIX) || !path.endsWith(SUFFIX)) {
      return null;
    }
    // A valid id has no '/', '%' or '.'-first segment, so the router would route this path as it is.
    String groupId = path.substring(PREFIX.length(), path.length() - SUFFIX.length());
    if (!GroupIds.isValid(groupId) || request.headers().contains(HeaderNames.IF_NONE_MATCH)
        || request.headers().contains(HeaderNames.ORIGIN)) {
      return null;
    }
    return groupId;
  }
}

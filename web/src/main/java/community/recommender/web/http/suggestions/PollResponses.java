package community.recommender.web.http.suggestions;

import community.recommender.web.application.suggestions.EncodedAnswer;
import community.recommender.web.application.suggestions.SuggestionAnswer;
import community.recommender.web.http.HeaderNames;
import community.recommender.web.http.IsoInstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** How a poll's answer is written, the same whether the router or {@link RememberedPolls} answers it. */
final class PollResponses {
  private PollResponses() {}

  /** Writes a 200 encoded before: its headers and JSON bytes, unless the client went away. */
  static void writeEncoded(HttpServerResponse response, EncodedAnswer.Bytes encoded) {
    if (response.closed() || response.ended()) {
      return;
    }
    response.setStatusCode(200).headers().addAll(encoded.headers());
    response.end(encoded.body());
  }

  /**
   * Puts the headers of an answer that sends nothing ({@code Retry-After}, {@code X-Next-Suggestion-At}
   * and the experiment, if any); answers the seconds until the group may ask again.
   */
  static long silenceHeaders(HttpServerResponse response, SuggestionAnswer answer, Clock clock) {
    Instant until = until(answer);
    // A hold's other headers stay the same while it stands: encoded by its first poll only.
    MultiMap unchanging = answer instanceof SuggestionAnswer.Held held
        ? held.encoded().bytes().orElseGet(() -> held.encoded().keep(new EncodedAnswer.Bytes(
            unchanging(answer, until), Buffer.buffer()))).headers()
        : unchanging(answer, until);
    long retryAfter = retryAfter(clock, until);
    response.headers().addAll(unchanging);
    response.putHeader(HeaderNames.RETRY_AFTER, Long.toString(retryAfter));
    return retryAfter;
  }

  /** The headers of a silence that do not depend on when it is asked for. */
  private static MultiMap unchanging(SuggestionAnswer answer, Instant until) {
    MultiMap headers = HttpHeaders.headers().add(HeaderNames.NEXT_SUGGESTION_AT, IsoInstants.text(until));
    experimentOf(answer).ifPresent(experiment -> headers.add(HeaderNames.EXPERIMENT, experiment));
    return headers;
  }

  /** When a hold ends, or when a group that got nothing may ask again. */
  static Instant until(SuggestionAnswer answer) {
    return answer instanceof SuggestionAnswer.Held held ? held.until() : ((SuggestionAnswer.Nothing) answer).retryAt();
  }

  /** Whole seconds from now until {@code until}, at least one. */
  static long retryAfter(Clock clock, Instant until) {
    return Math.max(1, (long) Math.ceil(Duration.between(clock.instant(), until).toMillis() / 1000.0));
  }

  /**
   * The experiment and arm the answer was decided under, as {@code id; arm=name}, so a bot that gets
   * 204 knows a holdout (or any arm) is why.
   */
  static Optional<String> experimentOf(SuggestionAnswer answer) {
    JsonObject explanation = answer instanceof SuggestionAnswer.Suggested suggested ? suggested.explanation()
        : answer instanceof SuggestionAnswer.Held held ? held.explanation()
        : ((SuggestionAnswer.Nothing) answer).explanation();
    JsonObject experiment = explanation == null ? null : explanation.getJsonObject("experiment");
    return experiment == null ? Optional.empty()
        : Optional.of(experiment.getString("id") + "; arm=" + experiment.getString("arm"));
  }
}

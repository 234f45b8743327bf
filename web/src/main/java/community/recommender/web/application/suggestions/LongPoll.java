package community.recommender.web.application.suggestions;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One {@code ?wait=N} poll: asks at once, and while the answer is no news, waits for a change
 * notice for its group or for the time the rules hold it until, then asks again, until news or the
 * deadline. It never blocks an event loop: between asks it is a registration in {@link Waiters},
 * asleep until the earlier of its deadline and the time the rules hold its group until.
 *
 * <p>When the node shuts down, a waiting poll ends at once with {@link NodeDraining}.
 *
 * <p>A notice that arrives while an ask is under way is kept and answered with one more ask, so
 * no change between "ask" and "wait" is missed.
 */
public final class LongPoll {
  private final Waiters waiters;
  private final Clock clock;
  private final String groupId;
  private final Supplier<Future<SuggestionAnswer>> ask;
  private final Predicate<SuggestionAnswer> isNews;
  private final Instant deadline;
  private final Promise<SuggestionAnswer> result = Promise.promise();

  private Waiters.Registration registration;
  private SuggestionAnswer last;
  private boolean asking;
  private boolean wokenWhileAsking;

  public LongPoll(Waiters waiters, Clock clock, String groupId, Duration wait,
      Supplier<Future<SuggestionAnswer>> ask, Predicate<SuggestionAnswer> isNews) {
    this.waiters = waiters;
    this.clock = clock;
    this.groupId = groupId;
    this.ask = ask;
    this.isNews = isNews;
    this.deadline = clock.instant().plus(wait);
  }

  /** Starts on the current event loop; completes with news, or with the last answer at the deadline. */
  public Future<SuggestionAnswer> start() {
    registration = waiters.register(groupId, this::woken, this::drained);
    askAgain();
    return result.future();
  }

  /** Stops waiting without an answer: the client went away. */
  public void abandon() {
    finish();
    result.tryFail("the client went away");
  }

  private void askAgain() {
    asking = true;
    wokenWhileAsking = false;
    ask.get().onComplete(answered -> {
      asking = false;
      if (result.future().isComplete()) {
        return;
      }
      if (answered.failed()) {
        finish();
        result.tryFail(answered.cause());
        return;
      }
      last = answered.result();
      Instant now = clock.instant();
      if (isNews.test(last) || !now.isBefore(deadline)) {
        finish();
        result.tryComplete(last);
      } else if (wokenWhileAsking) {
        askAgain();
      } else {
        sleepUntil(wakeTime(last));
      }
    });
  }

  /** The deadline, or earlier when the rules hold the group until a time before it. */
  private Instant wakeTime(SuggestionAnswer answer) {
    if (answer instanceof SuggestionAnswer.Held held && held.until().isBefore(deadline)) {
      return held.until();
    }
    return deadline;
  }

  private void sleepUntil(Instant when) {
    registration.sleep(Duration.between(clock.instant(), when).toMillis(), this::slept);
  }

  private void slept() {
    if (clock.instant().isBefore(deadline)) {
      askAgain();
    } else {
      finish();
      result.tryComplete(last);
    }
  }

  /** The node is shutting down: the poll ends now, with {@link NodeDraining}. */
  private void drained() {
    finish();
    result.tryFail(new NodeDraining());
  }

  private void woken() {
    if (result.future().isComplete()) {
      return;
    }
    if (asking) {
      wokenWhileAsking = true;
      return;
    }
    registration.wakeUp();
    askAgain();
  }

  private void finish() {
    if (registration != null) {
      registration.cancel();
    }
  }
}

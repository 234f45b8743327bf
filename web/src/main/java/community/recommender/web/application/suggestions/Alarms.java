package community.recommender.web.application.suggestions;

import io.vertx.core.Context;
import java.util.Comparator;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * The times the waiters of one event loop sleep until, all served by one timer.
 *
 * <p>Ten thousand held polls with a timer each cost ten thousand scheduled tasks, timer handlers and
 * registry entries; here a sleeping waiter costs one entry in a sorted set, and the event loop keeps
 * one timer, armed for the earliest time. Only the event loop that owns it touches it, so it needs no
 * lock. Times are monotonic ({@link System#nanoTime()}), as a timer's are.
 */
final class Alarms {
  private static final Comparator<Alarm> BY_TIME = Comparator.comparingLong(Alarm::due).thenComparingLong(Alarm::order);

  private final Context context;
  private final TreeSet<Alarm> set = new TreeSet<>(BY_TIME);
  private long order;
  private long timer = -1;
  private long timerDue;

  Alarms(Context context) {
    this.context = context;
  }

  /** A waiter's alarm: rings once at its time unless it is taken off first. */
  abstract static class Alarm {
    private long due;
    private long order;
    private boolean set;

    /** Runs on the event loop when the alarm's time comes. */
    abstract void ring();

    long due() {
      return due;
    }

    long order() {
      return order;
    }
  }

  /** Sets {@code alarm} to ring in {@code millis} (at least 1), in place of any time it was set for. */
  void set(Alarm alarm, long millis) {
    clear(alarm);
    alarm.due = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(1, millis));
    alarm.order = order++;
    alarm.set = true;
    set.add(alarm);
    if (timer < 0 || alarm.due < timerDue) {
      arm(alarm.due);
    }
  }

  /** Takes {@code alarm} off, if it is set. */
  void clear(Alarm alarm) {
    if (alarm.set) {
      set.remove(alarm);
      alarm.set = false;
    }
  }

  /** How many alarms are set. */
  int size() {
    return set.size();
  }

  private void arm(long due) {
    if (timer >= 0) {
      context.owner().cancelTimer(timer);
    }
    timerDue = due;
    long millis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime() + 999_999));
    timer = context.owner().setTimer(millis, id -> {
      timer = -1;
      ringDue();
    });
  }

  private void ringDue() {
    long now = System.nanoTime();
    while (!set.isEmpty() && set.first().due - now <= 0) {
      Alarm alarm = set.pollFirst();
      alarm.set = false;
      alarm.ring();
    }
    // An alarm set while the others rang may have armed the timer for a later time than the earliest.
    if (!set.isEmpty() && (timer < 0 || set.first().due < timerDue)) {
      arm(set.first().due);
    }
  }
}

package community.recommender.web.application.suggestions;

import community.recommender.web.store.ChangeNotices;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.internal.ContextInternal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The long polls held on this node, by group, woken by {@link ChangeNotices} or at a time of their
 * own.
 *
 * <p>A wake-up runs on the context the poll was registered on, so a poll's own state is only ever
 * touched by its own event loop. A notice for every group (a new rule set) wakes the waiters spread
 * over {@value #SPREAD_MILLIS} ms, each group at a moment of its own, so that a swap re-decides the
 * groups a few at a time instead of all at once.
 *
 * <p>A node may hold tens of thousands of polls, so a waiter is kept small: the waiters of a group
 * are a chain hung off one map entry (nearly every group has one), and a waiter that sleeps until a
 * time is an entry in its event loop's {@link Alarms}, not a timer of its own.
 */
public final class Waiters {
  /** Over how long a notice for every group wakes the waiters. */
  static final int SPREAD_MILLIS = 3_000;
  /** The first waiter of each group with any; the others follow it. */
  private final Map<String, Waiter> byGroup = new ConcurrentHashMap<>();
  /** The alarms of each event loop, by its own context (not the duplicates requests run on). */
  private final Map<Context, Alarms> alarms = new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();
  private volatile boolean draining;

  /** Wakes the waiters of every group a notice names. */
  public Waiters(ChangeNotices notices) {
    notices.onNotice(this::wake);
  }

  /**
   * Registers {@code onWake} for {@code groupId}, and {@code onDrain} for when this node shuts down,
   * both run on the caller's context; answers the registration. Once the node drains, a new
   * registration hears {@code onDrain} at once.
   */
  public Registration register(String groupId, Runnable onWake, Runnable onDrain) {
    Context context = Vertx.currentContext();
    Waiter waiter = new Waiter(groupId, context, onWake, onDrain);
    byGroup.compute(groupId, (id, first) -> {
      waiter.next = first;
      return waiter;
    });
    count.incrementAndGet();
    if (draining) {
      waiter.drain();
    }
    return waiter;
  }

  /** Ends every wait on this node, now and from now on: the node is shutting down. */
  public void drain() {
    draining = true;
    byGroup.values().forEach(first -> eachOf(first, Waiter::drain));
  }

  /** How many polls wait on this node. */
  public int size() {
    return count.get();
  }

  /** How many event loops keep alarms for waiters. */
  int alarmClocks() {
    return alarms.size();
  }

  /** How many waiters on this node sleep until a time of their own. */
  int sleeping() {
    return alarms.values().stream().mapToInt(Alarms::size).sum();
  }

  private void wake(String groupId) {
    if (ChangeNotices.EVERY_GROUP.equals(groupId)) {
      byGroup.forEach((id, first) -> {
        long delay = 1 + Math.floorMod(id.hashCode(), SPREAD_MILLIS);
        eachOf(first, waiter -> waiter.wakeIn(delay));
      });
    } else {
      Waiter first = byGroup.get(groupId);
      if (first != null) {
        eachOf(first, Waiter::wake);
      }
    }
  }

  private static void eachOf(Waiter first, java.util.function.Consumer<Waiter> action) {
    for (Waiter waiter = first; waiter != null; waiter = waiter.next) {
      action.accept(waiter);
    }
  }

  /** A registered wait; cancel it when the poll ends. */
  public interface Registration {
    /** Runs {@code then} on the registration's context in {@code millis}, in place of any earlier sleep. */
    void sleep(long millis, Runnable then);

    /** Stops the sleep under way, if any. */
    void wakeUp();

    void cancel();
  }

  private final class Waiter extends Alarms.Alarm implements Registration {
    private final String groupId;
    private final Context context;
    private final Runnable onWake;
    private final Runnable onDrain;
    /** The group's next waiter; changed only under the group's map entry. */
    private volatile Waiter next;
    private Runnable afterSleep;
    private boolean cancelled;

    Waiter(String groupId, Context context, Runnable onWake, Runnable onDrain) {
      this.groupId = groupId;
      this.context = context;
      this.onWake = onWake;
      this.onDrain = onDrain;
    }

    void drain() {
      context.runOnContext(v -> {
        if (!cancelled) {
          onDrain.run();
        }
      });
    }

    void wake() {
      context.runOnContext(v -> {
        if (!cancelled) {
          onWake.run();
        }
      });
    }

    /** Wakes it after {@code millis}, unless it ended meanwhile. */
    void wakeIn(long millis) {
      context.runOnContext(v -> context.owner().setTimer(millis, id -> {
        if (!cancelled) {
          onWake.run();
        }
      }));
    }

    @Override
    public void sleep(long millis, Runnable then) {
      afterSleep = then;
      alarms().set(this, millis);
    }

    @Override
    public void wakeUp() {
      afterSleep = null;
      alarms().clear(this);
    }

    @Override
    void ring() {
      Runnable then = afterSleep;
      afterSleep = null;
      if (!cancelled && then != null) {
        then.run();
      }
    }

    /**
     * The alarms of the event loop this waiter runs on. Vert.x gives each HTTP request a context of
     * its own that duplicates its event loop's; keyed by that, every poll would leave an entry behind.
     */
    private Alarms alarms() {
      return Waiters.this.alarms.computeIfAbsent(((ContextInternal) context).unwrap(), Alarms::new);
    }

    @Override
    public void cancel() {
      if (cancelled) {
        return;
      }
      cancelled = true;
      wakeUp();
      boolean[] removed = {false};
      byGroup.computeIfPresent(groupId, (id, first) -> {
        if (first == this) {
          removed[0] = true;
          return next;
        }
        for (Waiter before = first; before.next != null; before = before.next) {
          if (before.next == this) {
            before.next = next;
            removed[0] = true;
            break;
          }
        }
        return first;
      });
      if (removed[0]) {
        count.decrementAndGet();
      }
    }
  }
}

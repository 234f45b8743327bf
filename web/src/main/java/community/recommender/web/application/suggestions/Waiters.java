package community.recommender.web.application.suggestions;

import community.recommender.web.store.ChangeNotices;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The long polls held on this node, by group, woken by {@link ChangeNotices}.
 *
 * <p>A wake-up runs on the context the poll was registered on, so a poll's own state is only ever
 * touched by its own event loop. A notice for every group (a new rule set) wakes the waiters spread
 * over {@value #SPREAD_MILLIS} ms, each group at a moment of its own, so that a swap re-decides the
 * groups a few at a time instead of all at once.
 */
public final class Waiters {
  /** Over how long a notice for every group wakes the waiters. */
  static final int SPREAD_MILLIS = 3_000;
  private final Map<String, Set<Waiter>> byGroup = new ConcurrentHashMap<>();
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
    byGroup.computeIfAbsent(groupId, id -> ConcurrentHashMap.newKeySet()).add(waiter);
    count.incrementAndGet();
    if (draining) {
      waiter.drain();
    }
    return waiter;
  }

  /** Ends every wait on this node, now and from now on: the node is shutting down. */
  public void drain() {
    draining = true;
    byGroup.values().forEach(waiters -> waiters.forEach(Waiter::drain));
  }

  /** How many polls wait on this node. */
  public int size() {
    return count.get();
  }

  private void wake(String groupId) {
    if (ChangeNotices.EVERY_GROUP.equals(groupId)) {
      byGroup.forEach((id, waiters) -> {
        long delay = 1 + Math.floorMod(id.hashCode(), SPREAD_MILLIS);
        waiters.forEach(waiter -> waiter.wakeIn(delay));
      });
    } else {
      Set<Waiter> waiters = byGroup.get(groupId);
      if (waiters != null) {
        waiters.forEach(Waiter::wake);
      }
    }
  }

  /** A registered wait; cancel it when the poll ends. */
  public interface Registration {
    void cancel();
  }

  private final class Waiter implements Registration {
    private final String groupId;
    private final Context context;
    private final Runnable onWake;
    private final Runnable onDrain;
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
    public void cancel() {
      if (cancelled) {
        return;
      }
      cancelled = true;
      Set<Waiter> waiters = byGroup.get(groupId);
      if (waiters != null && waiters.remove(this)) {
        count.decrementAndGet();
        byGroup.computeIfPresent(groupId, (id, set) -> set.isEmpty() ? null : set);
      }
    }
  }
}

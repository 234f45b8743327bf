package community.recommender.engine.rules;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs rule work on threads of its own, so that a caller waits no longer than the work's deadline.
 *
 * <p>Work past its deadline is abandoned, not interrupted (an interrupt can close a shared index
 * file): the caller gets its answer at the deadline and goes on, the abandoned thread finishes on
 * its own, and until it does it is reported by {@link #stuck()} so that readiness checks can say so.
 */
public final class RuleRunner {
  private final AtomicInteger threads = new AtomicInteger();
  private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "rules-" + threads.incrementAndGet());
    thread.setDaemon(true);
    return thread;
  });
  private final Set<Overdue> overdue = ConcurrentHashMap.newKeySet();

  /** Work that ran past its deadline and has not finished yet. */
  public static final class Overdue {
    private final Supplier<String> doing;
    private final long startedNanos = System.nanoTime();
    private volatile boolean done;

    private Overdue(Supplier<String> doing) {
      this.doing = doing;
    }

    /** What the work is doing now, such as the rule it is firing. */
    public String what() {
      return doing.get();
    }

    /** How long it has been running. */
    public Duration running() {
      return Duration.ofNanos(System.nanoTime() - startedNanos);
    }
  }

  /**
   * Runs {@code work} and returns its result, or throws {@code onTimeout}'s exception once {@code budget}
   * has passed; {@code doing} names the work for {@link #stuck()} while it is overdue.
   */
  public <T> T run(Callable<T> work, Duration budget, Supplier<String> doing, Supplier<RuntimeException> onTimeout)
      throws Exception {
    Overdue ticket = new Overdue(doing);
    Future<T> future = executor.submit(() -> {
      try {
        return work.call();
      } finally {
        ticket.done = true;
        overdue.remove(ticket);
      }
    });
    try {
      return future.get(budget.toNanos(), TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Exception ex) {
        throw ex;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    } catch (TimeoutException e) {
      overdue.add(ticket);
      if (ticket.done) {
        overdue.remove(ticket);
      }
      throw onTimeout.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw e;
    }
  }

  /** Work that passed its deadline and is still running, oldest first. */
  public List<Overdue> stuck() {
    return overdue.stream().sorted(Comparator.comparingLong(o -> o.startedNanos)).toList();
  }
}

package community.recommender.web.application.learning;

import community.recommender.engine.learning.EngagementModel;
import community.recommender.web.store.EngagementStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The engagement model decisions read: an in-memory snapshot, rebuilt from the stored rewards on a
 * timer, off the decision path. A decision takes the snapshot once and never waits for the database.
 */
public final class EngagementBoard implements Supplier<EngagementModel> {
  /** How often every node rebuilds its snapshot. */
  public static final Duration REFRESH = Duration.ofSeconds(15);

  private final EngagementStore store;
  private final Clock clock;
  private final Duration metricsWindow;
  private final AtomicReference<EngagementModel> current = new AtomicReference<>(EngagementModel.EMPTY);
  private final AtomicBoolean refreshing = new AtomicBoolean();
  private final AtomicBoolean again = new AtomicBoolean();

  public EngagementBoard(EngagementStore store, Clock clock, Duration metricsWindow) {
    this.store = store;
    this.clock = clock;
    this.metricsWindow = metricsWindow;
  }

  /** The latest snapshot. */
  @Override
  public EngagementModel get() {
    return current.get();
  }

  /**
   * Asks for a rebuild soon, after an outcome changed: at most one rebuild runs at a time, and
   * requests that arrive meanwhile make one more afterwards, so a burst of feedback costs two queries.
   */
  public void outcomesChanged() {
    again.set(true);
    if (refreshing.compareAndSet(false, true)) {
      again.set(false);
      refresh().onComplete(done -> {
        refreshing.set(false);
        if (again.get()) {
          outcomesChanged();
        }
      });
    }
  }

  /** Rebuilds the snapshot from the stored rewards; the old one serves until the new one is ready. */
  public Future<EngagementModel> refresh() {
    return store.observations(clock.instant().minus(metricsWindow))
        .map(observations -> {
          EngagementModel model = EngagementModel.of(observations);
          current.set(model);
          return model;
        });
  }
}

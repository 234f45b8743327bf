package community.recommender.web.store;

import io.vertx.core.Future;

/** Whether the database answers, for health checks. */
@FunctionalInterface
public interface StoreHealth {

  /** Succeeds when the database answers a trivial query; fails with the reason otherwise. */
  Future<Void> check();
}

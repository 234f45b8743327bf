package community.recommender.web.store;

import io.vertx.core.Future;
import java.util.Optional;
import java.util.function.Supplier;

/** Lets one node at a time do a piece of work that every node schedules, such as a periodic pass over every group. */
public interface ClusterLock {

  /** Runs {@code work} when no other node holds the lock, answering its result; empty when one does. */
  <T> Future<Optional<T>> ifFree(Supplier<Future<T>> work);
}

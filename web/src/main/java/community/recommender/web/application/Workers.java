package community.recommender.web.application;

import io.vertx.core.Future;
import java.util.concurrent.Callable;

/**
 * Runs blocking work (rules, Lucene, parsing uploads) off the event loops, on a pool of its own.
 *
 * <p>Services take this port rather than an executor, so that the composition root decides which
 * pool serves which work and how large it is.
 */
@FunctionalInterface
public interface Workers {

  /** Runs {@code work} on a worker thread; completes with its result or its failure. */
  <T> Future<T> run(Callable<T> work);
}

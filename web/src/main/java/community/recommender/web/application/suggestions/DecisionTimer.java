package community.recommender.web.application.suggestions;

import java.util.function.Supplier;

/** Measures how long decisions take, for the decision-latency metric. */
@FunctionalInterface
public interface DecisionTimer {

  /** Runs {@code decision} and records how long it took. */
  <T> T time(Supplier<T> decision);
}

package community.recommender.web.application.suggestions;

import java.util.function.Supplier;

/** Measures how long decisions take, for the decision-latency metric. */
@FunctionalInterface
public interface DecisionTimer {

  /** A timer that measures nothing, for tools that decide outside the server. */
  DecisionTimer NONE = Supplier::get;

  /** Runs {@code decision} and records how long it took. */
  <T> T time(Supplier<T> decision);
}

package community.recommender.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The counts a chat tool reported for one time window of a group, {@code [from, to)}.
 *
 * <p>A window is its identity: reporting the same window again replaces the earlier counts.
 * Two different windows that share any instant overlap, and would count the same messages twice.
 *
 * @param from when the window starts, inclusive
 * @param to when it ends, exclusive; the report counts toward the period this falls in
 * @param counts what happened in the window
 */
public record ActivityReport(Instant from, Instant to, ActivityCounts counts) {

  public ActivityReport {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(counts, "counts");
    if (!to.isAfter(from)) {
      throw new IllegalArgumentException("a window must end after it starts: " + from + " to " + to);
    }
  }

  /** Whether this and {@code other} cover the same window. */
  public boolean sameWindow(ActivityReport other) {
    return from.equals(other.from) && to.equals(other.to);
  }

  /** Whether this and {@code other} are different windows that share some time; touching ends do not. */
  public boolean overlaps(ActivityReport other) {
    return !sameWindow(other) && from.isBefore(other.to) && other.from.isBefore(to);
  }
}

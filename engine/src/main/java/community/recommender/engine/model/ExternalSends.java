package community.recommender.engine.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Messages sent to a group that this engine did not suggest (other tools, other members), counted
 * per day in the group's time zone: platform quotas count every sender.
 */
public final class ExternalSends {
  /** No sends by anyone else. */
  public static final ExternalSends NONE = new ExternalSends(Map.of());

  private final TreeMap<LocalDate, Integer> perDay;

  public ExternalSends(Map<LocalDate, Integer> perDay) {
    this.perDay = new TreeMap<>(perDay);
  }

  /** How many were sent from {@code from} (inclusive) to {@code until} (exclusive). */
  public long between(LocalDate from, LocalDate until) {
    if (!from.isBefore(until)) {
      return 0;
    }
    return perDay.subMap(from, until).values().stream().mapToLong(Integer::longValue).sum();
  }
}

package community.recommender.engine.model;

import java.time.Instant;

/** The format and schedule of an activity: a check-in, salon, lecture, live show, game or contest. */
public final class ActivityDetails {
  private final String format;
  private final Instant startsAt;
  private final Instant endsAt;
  private final Integer capacity;

  public ActivityDetails(String format, Instant startsAt, Instant endsAt, Integer capacity) {
    this.format = format;
    this.startsAt = startsAt;
    this.endsAt = endsAt;
    this.capacity = capacity;
  }

  public String getFormat() {
    return format;
  }

  public Instant getStartsAt() {
    return startsAt;
  }

  public Instant getEndsAt() {
    return endsAt;
  }

  /** How many members can take part, or null when unlimited. */
  public Integer getCapacity() {
    return capacity;
  }
}

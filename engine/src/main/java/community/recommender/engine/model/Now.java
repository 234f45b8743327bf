package community.recommender.engine.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The moment of the decision, read in the group's time zone. */
public final class Now {
  private final Instant instant;
  private final ZonedDateTime local;

  public Now(Instant instant, ZoneId zone) {
    this.instant = instant;
    this.local = instant.atZone(zone);
  }

  public Instant getInstant() {
    return instant;
  }

  public LocalTime getLocalTime() {
    return local.toLocalTime();
  }

  public LocalDate getLocalDate() {
    return local.toLocalDate();
  }

  public DayOfWeek getDayOfWeek() {
    return local.getDayOfWeek();
  }

  public int getHour() {
    return local.getHour();
  }

  /** Whether the local time falls inside {@code hours} ({@code HH:mm-HH:mm}, may wrap midnight); false for null. */
  public boolean within(String hours) {
    if (hours == null) {
      return false;
    }
    LocalTime start = LocalTime.parse(hours.substring(0, 5));
    LocalTime end = LocalTime.parse(hours.substring(6, 11));
    LocalTime time = getLocalTime();
    if (start.isBefore(end)) {
      return !time.isBefore(start) && time.isBefore(end);
    }
    return !time.isBefore(start) || time.isBefore(end);
  }

  /** The next moment {@code hours} end, at or after now. */
  public Instant endOf(String hours) {
    LocalTime end = LocalTime.parse(hours.substring(6, 11));
    ZonedDateTime candidate = local.with(end);
    if (!candidate.isAfter(local)) {
      candidate = candidate.plusDays(1);
    }
    return candidate.toInstant();
  }

  /** Hours from now until {@code moment}; negative when it has passed; a very large number for null. */
  public long hoursUntil(Instant moment) {
    return moment == null ? Long.MAX_VALUE : Duration.between(instant, moment).toHours();
  }

  /** Now plus {@code minutes}. */
  public Instant plusMinutes(long minutes) {
    return instant.plus(Duration.ofMinutes(minutes));
  }
}

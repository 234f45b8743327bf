package community.recommender.web.http;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * Writes instants as ISO-8601 UTC, as {@link Instant#toString()} does, without its formatter's
 * cost on every answer and log line: digits appended by hand for the years 0 to 9999, the formatter
 * for any other.
 */
public final class IsoInstants {
  /** The first instant written by hand, and the first one past them. */
  private static final Instant FIRST = Instant.parse("0000-01-01T00:00:00Z");
  private static final Instant PAST_LAST = Instant.parse("+10000-01-01T00:00:00Z");

  /** 10 to the power of each index, for {@link #digits}. */
  private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000,
      100_000_000};

  private IsoInstants() {}

  /** The same text as {@code instant.toString()}. */
  public static String text(Instant instant) {
    LocalDateTime time = utc(instant);
    if (time == null) {
      return instant.toString();
    }
    StringBuilder text = dateAndTime(new StringBuilder(30), time);
    int nanos = instant.getNano();
    if (nanos > 0) {
      if (nanos % 1_000_000 == 0) {
        digits(text.append('.'), nanos / 1_000_000, 3);
      } else if (nanos % 1_000 == 0) {
        digits(text.append('.'), nanos / 1_000, 6);
      } else {
        digits(text.append('.'), nanos, 9);
      }
    }
    return text.append('Z').toString();
  }

  /** Appends {@code instant} to the millisecond, always with three digits of them, such as {@code 2026-11-23T10:00:01.530Z}. */
  public static StringBuilder appendMillis(StringBuilder line, Instant instant) {
    LocalDateTime time = utc(instant);
    if (time == null) {
      return line.append(instant.truncatedTo(ChronoUnit.MILLIS));
    }
    digits(dateAndTime(line, time).append('.'), instant.getNano() / 1_000_000, 3);
    return line.append('Z');
  }

  /** The instant's date and time in UTC, or null outside the years 0 to 9999. */
  private static LocalDateTime utc(Instant instant) {
    if (instant.isBefore(FIRST) || !instant.isBefore(PAST_LAST)) {
      return null;
    }
    return LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
  }

  private static StringBuilder dateAndTime(StringBuilder text, LocalDateTime time) {
    digits(text, time.getYear(), 4).append('-');
    digits(text, time.getMonthValue(), 2).append('-');
    digits(text, time.getDayOfMonth(), 2).append('T');
    digits(text, time.getHour(), 2).append(':');
    digits(text, time.getMinute(), 2).append(':');
    return digits(text, time.getSecond(), 2);
  }

  /** Appends {@code value} in {@code width} digits, zeros first. */
  private static StringBuilder digits(StringBuilder text, int value, int width) {
    for (int place = width - 1; place >= 0; place--) {
      text.append((char) ('0' + value / POWERS_OF_TEN[place] % 10));
    }
    return text;
  }
}

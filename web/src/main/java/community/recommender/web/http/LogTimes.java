package community.recommender.web.http;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * Writes instants as ISO-8601 UTC to the millisecond, such as {@code 2026-11-23T10:00:01.532Z},
 * formatting each second's date and time once and only the milliseconds per line.
 */
final class LogTimes {
  /** One second's text up to the milliseconds, such as {@code 2026-11-23T10:00:01.}. */
  private record Second(long epochSecond, String text) {}

  private volatile Second last = new Second(Long.MIN_VALUE, "");

  /** Appends {@code instant} to {@code line}. */
  StringBuilder append(StringBuilder line, Instant instant) {
    long epochSecond = instant.getEpochSecond();
    Second second = last;
    if (second.epochSecond() != epochSecond) {
      String text = DateTimeFormatter.ISO_INSTANT.format(Instant.ofEpochSecond(epochSecond));
      second = new Second(epochSecond, text.substring(0, text.length() - 1) + ".");
      last = second;
    }
    int millis = instant.getNano() / 1_000_000;
    line.append(second.text()).append((char) ('0' + millis / 100)).append((char) ('0' + millis / 10 % 10))
        .append((char) ('0' + millis % 10));
    return line.append('Z');
  }
}

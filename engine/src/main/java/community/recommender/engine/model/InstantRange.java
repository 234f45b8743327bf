package community.recommender.engine.model;

import java.time.Instant;

/**
 * The instants the product accepts from outside: from the start of 2000 to the start of 2200.
 *
 * <p>Java reads instants a billion years either way, PostgreSQL stores about 4713 BC to 294276 AD,
 * and day arithmetic on a far instant overflows; no community's dates lie outside these two
 * centuries, so a date outside them is a typing slip or an attack, refused before it is stored.
 */
public final class InstantRange {
  /** The earliest accepted instant: 2000-01-01T00:00:00Z. */
  public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
  /** The first instant no longer accepted: 2200-01-01T00:00:00Z. */
  public static final Instant END = Instant.parse("2200-01-01T00:00:00Z");

  private InstantRange() {}

  /** Whether {@code instant} lies in [{@link #EARLIEST}, {@link #END}). */
  public static boolean contains(Instant instant) {
    return !instant.isBefore(EARLIEST) && instant.isBefore(END);
  }

  /** How the range reads in an error message. */
  public static String describe() {
    return "between the years 2000 and 2199";
  }
}

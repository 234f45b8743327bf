package community.recommender.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for regions: a code such as {@code CN-SH-Shanghai} lies inside itself and inside each
 * code it extends at a dash ({@code CN-SH}, {@code CN}), and inside nothing else ({@code CN-SH} does
 * not contain {@code CN-SHX}). Content retrieval, eligibility and group lists all follow it.
 */
public final class Regions {
  private Regions() {}

  /** Whether {@code inner} is {@code outer} or lies inside it. */
  public static boolean contains(String outer, String inner) {
    return outer != null && inner != null && (inner.equals(outer) || inner.startsWith(outer + "-"));
  }

  /** {@code region} and every region containing it, widest first: {@code CN}, {@code CN-SH}, {@code CN-SH-Shanghai}. */
  public static List<String> andEnclosing(String region) {
    List<String> regions = new ArrayList<>();
    if (region == null || region.isBlank()) {
      return regions;
    }
    int dash = region.indexOf('-');
    while (dash > 0) {
      regions.add(region.substring(0, dash));
      dash = region.indexOf('-', dash + 1);
    }
    regions.add(region);
    return regions;
  }

  /**
   * The prefix every region strictly inside {@code outer} starts with, for stores that filter by
   * {@link #contains} in SQL: {@code code = outer OR code LIKE prefix || '%'}.
   */
  public static String insidePrefix(String outer) {
    return outer + "-";
  }
}

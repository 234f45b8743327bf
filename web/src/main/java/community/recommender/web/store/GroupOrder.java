package community.recommender.web.store;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The order a group list is in: one field, rising or falling, with the id breaking ties so that
 * paging never shows a group twice or skips one. Groups without a value (not yet assessed, never
 * posted) come last either way.
 *
 * @param field what to order by
 * @param descending true for the largest or latest first
 */
public record GroupOrder(Field field, boolean descending) {
  /** By id, the order lists had before they could be sorted. */
  public static final GroupOrder BY_ID = new GroupOrder(Field.ID, false);

  /** What a group list may be ordered by; the name is how the HTTP API spells it. */
  public enum Field {
    ID("id"),
    NAME("name"),
    LEVEL("level"),
    BAND("band"),
    STAGE("stage"),
    REGION("region"),
    LAST_POSTED_AT("lastPostedAt");

    private final String apiName;

    Field(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }
  }

  /** Every spelling {@link #parse} reads, for messages. */
  public static String spellings() {
    return Arrays.stream(Field.values()).map(Field::apiName).collect(Collectors.joining(", "))
        + ", each optionally preceded by '-' for descending";
  }

  /** The order a text such as {@code name} or {@code -level} names; empty when it names none. */
  public static Optional<GroupOrder> parse(String text) {
    boolean descending = text.startsWith("-");
    String name = (descending ? text.substring(1) : text).toLowerCase(Locale.ROOT);
    return Arrays.stream(Field.values()).filter(f -> f.apiName().toLowerCase(Locale.ROOT).equals(name)).findFirst()
        .map(f -> new GroupOrder(f, descending));
  }
}

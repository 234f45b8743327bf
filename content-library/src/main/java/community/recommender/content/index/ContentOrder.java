package community.recommender.content.index;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The order an editor lists the library in: one field, rising or falling, with the id breaking ties
 * so that paging through the list never shows an item twice or skips one.
 *
 * @param field what to order by
 * @param descending true for the largest, latest or last in the alphabet first
 */
public record ContentOrder(Field field, boolean descending) {

  /** What a list may be ordered by; the name is how the HTTP API spells it. */
  public enum Field {
    UPDATED_AT("updatedAt"),
    TITLE("title"),
    KIND("kind"),
    STATUS("status"),
    VALID_UNTIL("validUntil"),
    VALID_FROM("validFrom"),
    ID("id");

    private final String apiName;

    Field(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }
  }

  /** Every spelling {@link #parse} reads, for messages and documentation. */
  public static String spellings() {
    return Arrays.stream(Field.values()).map(Field::apiName).collect(Collectors.joining(", "))
        + ", each optionally preceded by '-' for descending";
  }

  /** The order a text such as {@code title} or {@code -updatedAt} names; empty when it names none. */
  public static Optional<ContentOrder> parse(String text) {
    boolean descending = text.startsWith("-");
    String name = descending ? text.substring(1) : text;
    return Arrays.stream(Field.values())
        .filter(f -> f.apiName().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT)))
        .findFirst()
        .map(f -> new ContentOrder(f, descending));
  }

  /** How the HTTP API spells this order. */
  public String spelling() {
    return (descending ? "-" : "") + field.apiName();
  }
}

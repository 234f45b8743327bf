package community.recommender.content.index;

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
}

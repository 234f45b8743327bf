package community.recommender.web.store;

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
}

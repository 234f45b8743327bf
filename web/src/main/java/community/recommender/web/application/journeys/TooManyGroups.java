package community.recommender.web.application.journeys;

/** A journey report was asked for more groups than one report simulates. */
public final class TooManyGroups extends RuntimeException {
  private final String field;

  public TooManyGroups(String field, long asked, int most) {
    super(asked + " groups chosen; a journey report covers at most " + most
        + ": name at most that many in ids, or choose them with a filter (band, stage, region, label)"
        + " and page through it with page and pageSize");
    this.field = field;
  }

  /** The request field that chose too many: {@code ids} or {@code filter}. */
  public String field() {
    return field;
  }
}

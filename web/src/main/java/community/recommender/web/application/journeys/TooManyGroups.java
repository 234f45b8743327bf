package community.recommender.web.application.journeys;

/** A journey report was asked for more groups than one report simulates. */
public final class TooManyGroups extends RuntimeException {
  private final String field;

  public TooManyGroups(String field, long asked, int most) {
    super(asked + " groups chosen; a journey report covers at most " + most
        + ": narrow the filter (band, stage, region, label) or name the groups in ids");
    this.field = field;
  }

  /** The request field that chose too many: {@code ids} or {@code filter}. */
  public String field() {
    return field;
  }
}

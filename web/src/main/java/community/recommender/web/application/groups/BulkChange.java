package community.recommender.web.application.groups;

/**
 * One change made to many groups at once.
 *
 * @param action what to do to each group
 * @param label the label to add or remove; null for archiving
 */
public record BulkChange(Action action, String label) {

  /** What a bulk change does to each group. */
  public enum Action {
    ADD_LABEL("addLabel"),
    REMOVE_LABEL("removeLabel"),
    ARCHIVE("archive");

    private final String apiName;

    Action(String apiName) {
      this.apiName = apiName;
    }

    /** How the HTTP API spells the action. */
    public String apiName() {
      return apiName;
    }
  }
}

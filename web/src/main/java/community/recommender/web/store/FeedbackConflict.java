package community.recommender.web.store;

/** Thrown when a report on a suggestion contradicts the one recorded before; {@link #field} is where. */
public final class FeedbackConflict extends RuntimeException {
  private final String field;

  public FeedbackConflict(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The field of the report that contradicts the record. */
  public String field() {
    return field;
  }
}

package community.recommender.web.application.experiments;

/** A proposed experiment cannot run as asked; {@code field} names the part of the request at fault. */
public final class ExperimentRejected extends RuntimeException {
  private final String field;

  public ExperimentRejected(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The request field at fault, such as {@code arms[1].version}. */
  public String field() {
    return field;
  }
}

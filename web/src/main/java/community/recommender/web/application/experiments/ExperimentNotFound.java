package community.recommender.web.application.experiments;

/** There is no experiment with the id asked for. */
public final class ExperimentNotFound extends RuntimeException {
  public ExperimentNotFound(String id) {
    super("no experiment '" + id + "'");
  }
}

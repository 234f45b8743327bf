package community.recommender.web.application.playbook;

/** Thrown when the active rule set has no file by the name asked for. */
public final class RuleFileNotFound extends RuntimeException {

  public RuleFileNotFound(String file) {
    super("no rule file '" + file + "'");
  }
}

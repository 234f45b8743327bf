package community.recommender.web.application.playbook;

/** Thrown when no rule set was recorded under the version asked for. */
public final class RuleVersionNotFound extends RuntimeException {

  public RuleVersionNotFound(long version) {
    super("no rule set version " + version);
  }
}

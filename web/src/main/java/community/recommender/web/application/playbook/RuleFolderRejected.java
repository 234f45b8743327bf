package community.recommender.web.application.playbook;

/** Thrown at start when the rules folder cannot run; its message is the one line the operator sees. */
public final class RuleFolderRejected extends RuntimeException {

  public RuleFolderRejected(String message) {
    super(message);
  }
}

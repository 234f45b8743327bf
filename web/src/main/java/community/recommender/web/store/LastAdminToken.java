package community.recommender.web.store;

/** Thrown when revoking a token would leave no active admin token, so that no one could make another. */
public final class LastAdminToken extends RuntimeException {

  public LastAdminToken() {
    super("this is the last active admin token; create another admin token before revoking it");
  }
}

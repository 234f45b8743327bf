package community.recommender.web.application.tokens;

/** Thrown when there is no token with the id asked for. */
public final class TokenNotFound extends RuntimeException {

  public TokenNotFound(String tokenId) {
    super("no token '" + tokenId + "'");
  }
}

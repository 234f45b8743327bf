package community.recommender.web.application.tokens;

import community.recommender.web.store.Caller;
import community.recommender.web.store.IssuedToken;
import community.recommender.web.store.LastAdminToken;
import community.recommender.web.store.Role;
import community.recommender.web.store.TokenRecord;
import community.recommender.web.store.TokenStore;
import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** API tokens: who holds a token, and creating, listing and revoking them. */
public final class TokenService {
  private final TokenStore tokens;

  public TokenService(TokenStore tokens) {
    this.tokens = tokens;
  }

  /** The caller holding {@code token}, or empty when it is unknown or revoked. */
  public Future<Optional<Caller>> callerOf(String token) {
    return tokens.callerOf(token);
  }

  /** Creates a token for {@code createdBy}; the answer holds the token itself, shown only this once. */
  public Future<IssuedToken> create(Role role, List<String> groups, String name, String createdBy) {
    return tokens.create(role, groups, name, createdBy);
  }

  /** Every token, revoked ones included, oldest first; never the tokens themselves. */
  public Future<List<TokenRecord>> list() {
    return tokens.list();
  }

  /**
   * Revokes the token {@code id}; fails with {@link TokenNotFound}, or {@link LastAdminToken} when it is
   * the last active admin token.
   */
  public Future<Void> revoke(String id) {
    return tokens.revoke(id).compose(found -> found ? Future.<Void>succeededFuture()
        : Future.failedFuture(new TokenNotFound(id)));
  }
}

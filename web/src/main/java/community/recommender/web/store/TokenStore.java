package community.recommender.web.store;

import io.vertx.core.Future;
import java.util.List;
import java.util.Optional;

/** API tokens, kept only as hashes. */
public interface TokenStore {

  /** The caller holding {@code token}, or empty when it is unknown or revoked. */
  Future<Optional<Caller>> callerOf(String token);

  /** Creates a token; {@code groups} limits a bot token to those groups (empty: every group). */
  Future<IssuedToken> create(Role role, List<String> groups, String name);

  /**
   * Creates a token, recording who created it; answers the token itself, which is not kept and so
   * can be shown only this once.
   */
  Future<IssuedToken> create(Role role, List<String> groups, String name, String createdBy);

  /** Every token, revoked ones included, oldest first; never the tokens themselves. */
  Future<List<TokenRecord>> list();

  /**
   * Revokes the token {@code id}; answers false when there is no such token. Revoking a revoked
   * token changes nothing. The last active admin token cannot be revoked: no one could make another.
   */
  Future<Boolean> revoke(String id);

  /**
   * Creates the first admin token when there is no token at all; answers it, or empty when
   * tokens already exist. Safe when several nodes start at once.
   */
  Future<Optional<String>> createFirstAdmin();
}

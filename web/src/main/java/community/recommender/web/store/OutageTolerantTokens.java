package community.recommender.web.store;

import io.vertx.core.Future;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tokens that still let their callers in while the database cannot be reached, so that a node
 * keeps answering polls from what it holds (a group's hold, a suggestion it remembers) during an
 * outage.
 *
 * <p>Every caller the database confirmed in the last {@link #TRUST_FOR} is remembered, by a hash
 * of its token. While the database is away, and only then, such a caller is let in as before; a
 * token never seen is refused as the outage (503). A revocation through this node forgets the
 * token at once; one made on another node in the minutes before an outage is seen when the
 * database is back.
 */
public final class OutageTolerantTokens implements TokenStore {
  /** How long a confirmed caller is trusted through an outage. */
  static final Duration TRUST_FOR = Duration.ofMinutes(10);
  private static final int REMEMBER_AT_MOST = 100_000;

  private final TokenStore tokens;
  private final Map<String, Confirmed> confirmed = new ConcurrentHashMap<>();

  public OutageTolerantTokens(TokenStore tokens) {
    this.tokens = tokens;
  }

  @Override
  public Future<Optional<Caller>> callerOf(String token) {
    String key = hash(token);
    return tokens.callerOf(token)
        .onSuccess(caller -> {
          if (caller.isEmpty()) {
            confirmed.remove(key);
            return;
          }
          if (confirmed.size() >= REMEMBER_AT_MOST) {
            confirmed.clear();
          }
          confirmed.put(key, new Confirmed(caller.get(), System.nanoTime()));
        })
        .recover(failure -> {
          Confirmed known = confirmed.get(key);
          if (DatabaseOutage.explains(failure) && known != null
              && System.nanoTime() - known.at() < TRUST_FOR.toNanos()) {
            return Future.succeededFuture(Optional.of(known.caller()));
          }
          return Future.failedFuture(failure);
        });
  }

  @Override
  public Future<IssuedToken> create(Role role, List<String> groups, String name) {
    return tokens.create(role, groups, name);
  }

  @Override
  public Future<IssuedToken> create(Role role, List<String> groups, String name, String createdBy) {
    return tokens.create(role, groups, name, createdBy);
  }

  @Override
  public Future<List<TokenRecord>> list() {
    return tokens.list();
  }

  @Override
  public Future<Boolean> revoke(String id) {
    confirmed.values().removeIf(c -> c.caller().tokenId().equals(id));
    return tokens.revoke(id).onSuccess(done -> confirmed.values().removeIf(c -> c.caller().tokenId().equals(id)));
  }

  @Override
  public Future<Optional<String>> createFirstAdmin() {
    return tokens.createFirstAdmin();
  }

  private static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  private record Confirmed(Caller caller, long at) {}
}

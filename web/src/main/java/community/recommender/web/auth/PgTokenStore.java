package community.recommender.web.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Tokens in PostgreSQL, kept only as hashes. */
public final class PgTokenStore {
  private final Pool pool;

  public PgTokenStore(Pool pool) {
    this.pool = pool;
  }

  /** The caller holding {@code token}, or empty when it is unknown or revoked. */
  public Future<Optional<Caller>> callerOf(String token) {
    return pool.preparedQuery("SELECT id, name, role, groups FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(Tokens.hash(token)))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toCaller(rows.iterator().next())));
  }

  /**
   * Creates the first admin token when there is no token at all; answers it, or empty when
   * tokens already exist. Safe when several nodes start at once.
   */
  public Future<Optional<String>> createFirstAdmin() {
    String token = Tokens.generate();
    return pool.withTransaction(conn -> conn.query("LOCK TABLE tokens IN EXCLUSIVE MODE").execute()
        .compose(locked -> conn.query("SELECT count(*) FROM tokens").execute())
        .compose(rows -> {
          if (rows.iterator().next().getLong(0) > 0) {
            return Future.succeededFuture(Optional.<String>empty());
          }
          return conn.preparedQuery("INSERT INTO tokens (id, name, role, token_hash) VALUES ($1, $2, $3, $4)")
              .execute(Tuple.of(UUID.randomUUID(), "first admin", "admin", Tokens.hash(token)))
              .map(Optional.of(token));
        }));
  }

  /**
   * Creates a token and answers it; only its hash is kept, so this is the one moment it can be
   * shown. {@code groups} limits the token to those groups; empty means every group.
   */
  public Future<String> create(Role role, List<String> groups, String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("a token needs a name that says who holds it");
    }
    String token = Tokens.generate();
    return pool.preparedQuery("INSERT INTO tokens (id, name, role, groups, token_hash) VALUES ($1, $2, $3, $4, $5)")
        .execute(Tuple.of(UUID.randomUUID(), name.strip(), role.name().toLowerCase(Locale.ROOT),
            groups.isEmpty() ? null : groups.toArray(String[]::new), Tokens.hash(token)))
        .map(token);
  }

  /** How many tokens exist, revoked ones included. */
  public Future<Long> count() {
    return pool.query("SELECT count(*) FROM tokens").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  private static Caller toCaller(Row row) {
    String[] groups = row.getArrayOfStrings("groups");
    return new Caller(row.getUUID("id").toString(), row.getString("name"), Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)),
        groups == null ? List.of() : List.of(groups));
  }
}

package community.recommender.web.store.pg;

import community.recommender.web.store.TokenStore;

import community.recommender.web.store.Caller;
import community.recommender.web.store.IssuedToken;
import community.recommender.web.store.Role;
import community.recommender.web.store.TokenRecord;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import community.recommender.web.store.LastAdminToken;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/** Tokens in PostgreSQL, kept only as hashes. */
public final class PgTokenStore implements TokenStore {
  private static final long USE_RESOLUTION_NANOS = TimeUnit.MINUTES.toNanos(1);
  private final Pool pool;
  /** When this node last recorded each token's use, by System.nanoTime(). */
  private final ConcurrentMap<UUID, Long> lastRecorded = new ConcurrentHashMap<>();

  public PgTokenStore(Pool pool) {
    this.pool = pool;
  }

  /** The caller holding {@code token}, or empty when it is unknown or revoked. */
  @Override
  public Future<Optional<Caller>> callerOf(String token) {
    return callerOfHash(Tokens.hash(token));
  }

  private Future<Optional<Caller>> callerOfHash(String tokenHash) {
    return pool.preparedQuery("SELECT id, name, role, groups FROM tokens WHERE token_hash = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(tokenHash))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.<Caller>empty();
          }
          Row row = rows.iterator().next();
          recordUse(row.getUUID("id"));
          return Optional.of(toCaller(row));
        });
  }

  /**
   * Notes that a token was used, at most once a minute per token and node, without holding up the
   * request: a lost note only makes "last used" a minute older.
   */
  private void recordUse(UUID id) {
    long now = System.nanoTime();
    Long before = lastRecorded.get(id);
    if (before != null && now - before < USE_RESOLUTION_NANOS) {
      return;
    }
    if (before == null ? lastRecorded.putIfAbsent(id, now) != null : !lastRecorded.replace(id, before, now)) {
      return;
    }
    pool.preparedQuery("""
            UPDATE tokens SET last_used_at = now()
            WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')""")
        .execute(Tuple.of(id))
        .onFailure(e -> lastRecorded.remove(id, now));
  }

  /** Creates a token; {@code groups} limits a bot token to those groups (empty: every group). */
  @Override
  public Future<IssuedToken> create(Role role, List<String> groups, String name) {
    return create(role, groups, name, null);
  }

  /**
   * Creates a token, recording who created it; answers the token itself, which is not kept and so
   * can be shown only this once.
   */
  @Override
  public Future<IssuedToken> create(Role role, List<String> groups, String name, String createdBy) {
    String token = Tokens.generate();
    UUID id = UUID.randomUUID();
    String[] groupArray = groups.isEmpty() ? null : groups.toArray(String[]::new);
    return pool.preparedQuery("""
            INSERT INTO tokens (id, name, role, groups, token_hash, created_by) VALUES ($1, $2, $3, $4, $5, $6)
            RETURNING id, name, role, groups, created_at, created_by, revoked_at, last_used_at""")
        .execute(Tuple.of(id, name, role.name().toLowerCase(Locale.ROOT), groupArray, Tokens.hash(token), createdBy))
        .map(rows -> new IssuedToken(token, toRecord(rows.iterator().next())));
  }

  /** Every token, revoked ones included, oldest first; never the tokens themselves. */
  @Override
  public Future<List<TokenRecord>> list() {
    return pool.query("SELECT id, name, role, groups, created_at, created_by, revoked_at, last_used_at FROM tokens "
            + "ORDER BY created_at, id")
        .execute()
        .map(rows -> {
          List<TokenRecord> records = new ArrayList<>();
          rows.forEach(row -> records.add(toRecord(row)));
          return records;
        });
  }

  /**
   * Revokes the token {@code id}; answers false when there is no such token. Revoking a revoked
   * token changes nothing. The last active admin token cannot be revoked: no one could make another.
   */
  @Override
  public Future<Boolean> revoke(String id) {
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      return Future.succeededFuture(false);
    }
    return pool.withTransaction(conn -> conn.query("LOCK TABLE tokens IN SHARE ROW EXCLUSIVE MODE").execute()
        .compose(locked -> conn.preparedQuery("SELECT role, revoked_at FROM tokens WHERE id = $1").execute(Tuple.of(uuid)))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.succeededFuture(false);
          }
          Row row = rows.iterator().next();
          if (row.getValue("revoked_at") != null) {
            return Future.succeededFuture(true);
          }
          Future<Void> allowed = !"admin".equals(row.getString("role")) ? Future.succeededFuture()
              : conn.query("SELECT count(*) FROM tokens WHERE role = 'admin' AND revoked_at IS NULL").execute()
                  .compose(admins -> admins.iterator().next().getLong(0) > 1 ? Future.<Void>succeededFuture()
                      : Future.failedFuture(new LastAdminToken()));
          return allowed.compose(ok -> conn.preparedQuery("UPDATE tokens SET revoked_at = now() WHERE id = $1")
              .execute(Tuple.of(uuid))).map(true);
        }));
  }

  /**
   * Creates the first admin token when there is no token at all; answers it, or empty when
   * tokens already exist. Safe when several nodes start at once.
   */
  @Override
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

  private static TokenRecord toRecord(Row row) {
    String[] groups = row.getArrayOfStrings("groups");
    var revokedAt = row.getOffsetDateTime("revoked_at");
    var lastUsedAt = row.getOffsetDateTime("last_used_at");
    return new TokenRecord(row.getUUID("id").toString(), row.getString("name"),
        Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)), groups == null ? List.of() : List.of(groups),
        row.getOffsetDateTime("created_at").toInstant(), row.getString("created_by"),
        revokedAt == null ? null : revokedAt.toInstant(), lastUsedAt == null ? null : lastUsedAt.toInstant());
  }

  private static Caller toCaller(Row row) {
    String[] groups = row.getArrayOfStrings("groups");
    return new Caller(row.getUUID("id").toString(), row.getString("name"), Role.valueOf(row.getString("role").toUpperCase(Locale.ROOT)),
        groups == null ? List.of() : List.of(groups));
  }
}

package community.recommender.web.store.pg;

import community.recommender.web.store.ClusterLock;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A PostgreSQL session lock that lets one node at a time do a piece of work that all nodes
 * schedule, such as a periodic pass over every group.
 *
 * <p>The lock is held on a connection of its own for as long as the work runs, and is released
 * when the work ends or, should the node die, when PostgreSQL closes that connection.
 */
public final class AdvisoryLock implements ClusterLock {
  /** The key under which one node at a time reassesses every group. */
  public static final long GROUP_REASSESSMENT = 0x6772_6f75_7073_0001L;

  private final Pool pool;
  private final long key;

  public AdvisoryLock(Pool pool, long key) {
    this.pool = pool;
    this.key = key;
  }

  /** Runs {@code work} when no other session holds the lock, answering its result; empty when one does. */
  @Override
  public <T> Future<Optional<T>> ifFree(Supplier<Future<T>> work) {
    return pool.getConnection().compose(conn -> conn.preparedQuery("SELECT pg_try_advisory_lock($1)")
        .execute(Tuple.of(key))
        .compose(rows -> {
          if (!rows.iterator().next().getBoolean(0)) {
            return Future.succeededFuture(Optional.<T>empty());
          }
          return work.get().map(Optional::of)
              .eventually(() -> conn.preparedQuery("SELECT pg_advisory_unlock($1)").execute(Tuple.of(key)));
        })
        .eventually(conn::close));
  }
}

package community.recommender.web;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PrepareOptions;
import io.vertx.sqlclient.PreparedQuery;
import io.vertx.sqlclient.Query;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool that counts what goes through it: each statement sent on its own is one round trip to the
 * database, and each connection taken is a transaction or a session, which costs several.
 */
public final class CountingPool implements Pool {
  private final Pool pool;
  private final AtomicInteger statements = new AtomicInteger();
  private final AtomicInteger connections = new AtomicInteger();

  public CountingPool(Pool pool) {
    this.pool = pool;
  }

  /** Statements sent since the last {@link #reset()}. */
  public int statements() {
    return statements.get();
  }

  /** Connections taken (transactions begun) since the last {@link #reset()}. */
  public int connections() {
    return connections.get();
  }

  /** Starts counting from zero. */
  public void reset() {
    statements.set(0);
    connections.set(0);
  }

  @Override
  public Future<SqlConnection> getConnection() {
    connections.incrementAndGet();
    return pool.getConnection();
  }

  @Override
  public Query<RowSet<Row>> query(String sql) {
    statements.incrementAndGet();
    return pool.query(sql);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql) {
    statements.incrementAndGet();
    return pool.preparedQuery(sql);
  }

  @Override
  public PreparedQuery<RowSet<Row>> preparedQuery(String sql, PrepareOptions options) {
    statements.incrementAndGet();
    return pool.preparedQuery(sql, options);
  }

  @Override
  public int size() {
    return pool.size();
  }

  @Override
  public Future<Void> close() {
    return pool.close();
  }
}

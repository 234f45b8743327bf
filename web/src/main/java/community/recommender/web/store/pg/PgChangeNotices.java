package community.recommender.web.store.pg;

import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every node that a group's next suggestion may have changed: this node at once, and every
 * node (this one included) through PostgreSQL {@code NOTIFY} on {@value #CHANNEL}.
 *
 * <p>A notice is a hint, never the data: whoever hears one asks the database again. The payload is
 * a group id, or {@value #EVERY_GROUP} when every group may be affected (a rule change).
 */
public final class PgChangeNotices implements ChangeNotices {
  public static final String CHANNEL = "suggestions_changed";
  private static final Logger LOG = LoggerFactory.getLogger(PgChangeNotices.class);

  private final Pool pool;
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private volatile PgSubscriber subscriber;

  public PgChangeNotices(Pool pool) {
    this.pool = pool;
  }

  /**
   * Calls {@code listener} with the group id (or {@value #EVERY_GROUP}) of every notice, local or
   * remote, on the thread that heard it. Listeners are called in the order they were added.
   */
  @Override
  public void onNotice(Consumer<String> listener) {
    listeners.add(listener);
  }

  /** Announces that {@code groupId}'s next suggestion may have changed. */
  @Override
  public Future<Void> announce(String groupId) {
    heard(groupId);
    return pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, groupId))
        .onFailure(e -> LOG.warn("cannot notify other nodes of a change to {}", groupId, e))
        .<Void>mapEmpty()
        .recover(e -> Future.succeededFuture());
  }

  /** Announces that every group's next suggestion may have changed. */
  @Override
  public Future<Void> announceAll() {
    return announce(EVERY_GROUP);
  }

  /** Whether the LISTEN connection is up now; while it is down, notices from other nodes are missed. */
  @Override
  public boolean listening() {
    PgSubscriber current = subscriber;
    return current != null && !current.closed() && current.actualConnection() != null;
  }

  private void heard(String payload) {
    listeners.forEach(listener -> listener.accept(payload));
  }

  /**
   * Listens for other nodes' notices on a connection of its own, reconnecting when it drops;
   * answers what stops it.
   */
  public AutoCloseable listen(Vertx vertx, PgConnectOptions options) {
    PgSubscriber subscriber = PgSubscriber.subscriber(vertx, new PgConnectOptions(options))
        .reconnectPolicy(retries -> 1_000L);
    subscriber.channel(CHANNEL).handler(this::heard);
    this.subscriber = subscriber;
    subscriber.connect().onFailure(e -> LOG.warn("cannot listen for changes from other nodes; retrying", e));
    return () -> Futures.await(subscriber.close());
  }
}

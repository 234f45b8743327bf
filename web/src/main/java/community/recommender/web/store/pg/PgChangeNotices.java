package community.recommender.web.store.pg;

import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every node that a group's next suggestion may have changed: this node at once, and the
 * other nodes through PostgreSQL {@code NOTIFY} on {@value #CHANNEL}.
 *
 * <p>A notice is a hint, never the data: whoever hears one asks the database again. Its payload is
 * the announcing node's id, a space, and the group ids it concerns, separated by commas, or
 * {@value #EVERY_GROUP} when every group may be affected (a rule change). A node has already told
 * itself what it announces, so it ignores its own notices when they come back.
 */
public final class PgChangeNotices implements ChangeNotices {
  public static final String CHANNEL = "suggestions_changed";
  private static final Logger LOG = LoggerFactory.getLogger(PgChangeNotices.class);
  /** PostgreSQL refuses payloads of 8,000 bytes or more; longer lists go out in several notices. */
  private static final int MAX_PAYLOAD_BYTES = 7_000;

  private final Pool pool;
  private final String node = UUID.randomUUID().toString();
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
    return announce(List.of(groupId));
  }

  /** Announces that the next suggestions of {@code groupIds} may have changed, in as few notices as fit. */
  @Override
  public Future<Void> announce(Collection<String> groupIds) {
    groupIds.forEach(this::tellThisNode);
    List<Future<?>> sent = new ArrayList<>();
    for (String payload : payloads(groupIds)) {
      sent.add(pool.preparedQuery("SELECT pg_notify($1, $2)").execute(Tuple.of(CHANNEL, payload))
          .onFailure(e -> LOG.warn("cannot notify other nodes of a change to {} group(s)", groupIds.size(), e)));
    }
    return Future.join(sent).<Void>mapEmpty().recover(e -> Future.succeededFuture());
  }

  /** Announces that every group's next suggestion may have changed. */
  @Override
  public Future<Void> announceAll() {
    return announce(EVERY_GROUP);
  }

  /** What a notice sent in SQL starts with: {@code node || ' '} before the group id. */
  String payloadPrefix() {
    return node + " ";
  }

  /** Tells this node's listeners of a change another statement already announced to the others. */
  void tellThisNode(String groupId) {
    listeners.forEach(listener -> listener.accept(groupId));
  }

  /** Whether the LISTEN connection is up now; while it is down, notices from other nodes are missed. */
  @Override
  public boolean listening() {
    PgSubscriber current = subscriber;
    return current != null && !current.closed() && current.actualConnection() != null;
  }

  private List<String> payloads(Collection<String> groupIds) {
    List<String> payloads = new ArrayList<>();
    StringBuilder payload = new StringBuilder(payloadPrefix());
    int bytes = payload.length();
    for (String id : groupIds) {
      int size = id.getBytes(StandardCharsets.UTF_8).length + 1;
      if (bytes + size > MAX_PAYLOAD_BYTES && payload.length() > payloadPrefix().length()) {
        payloads.add(payload.toString());
        payload = new StringBuilder(payloadPrefix());
        bytes = payload.length();
      }
      if (payload.length() > payloadPrefix().length()) {
        payload.append(',');
      }
      payload.append(id);
      bytes += size;
    }
    if (payload.length() > payloadPrefix().length()) {
      payloads.add(payload.toString());
    }
    return payloads;
  }

  /** A notice from the channel: another node's group ids, or this node's own, which it already heard. */
  private void heard(String payload) {
    int space = payload.indexOf(' ');
    if (space < 0 || payload.substring(0, space).equals(node)) {
      return;
    }
    for (String groupId : payload.substring(space + 1).split(",")) {
      if (!groupId.isEmpty()) {
        tellThisNode(groupId);
      }
    }
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

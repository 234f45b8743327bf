package community.recommender.web.store;

import io.vertx.core.Future;
import java.util.Collection;
import java.util.function.Consumer;

/**
 * Tells every node that a group's next suggestion may have changed.
 *
 * <p>A notice is a hint, never the data: whoever hears one asks the store again. The payload is a
 * group id, or {@value #EVERY_GROUP} when every group may be affected (a rule change).
 */
public interface ChangeNotices {
  /** The payload of a notice for every group. */
  String EVERY_GROUP = "*";

  /**
   * Calls {@code listener} with the group id (or {@value #EVERY_GROUP}) of every notice, local or
   * remote, on the thread that heard it. Listeners are called in the order they were added.
   */
  void onNotice(Consumer<String> listener);

  /** Announces that {@code groupId}'s next suggestion may have changed. */
  Future<Void> announce(String groupId);

  /** Announces that the next suggestions of {@code groupIds} may have changed. */
  Future<Void> announce(Collection<String> groupIds);

  /** Announces that every group's next suggestion may have changed. */
  Future<Void> announceAll();

  /** Whether notices from other nodes are heard now (the LISTEN connection is up). */
  boolean listening();
}

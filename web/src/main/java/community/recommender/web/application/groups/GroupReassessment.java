package community.recommender.web.application.groups;

import community.recommender.engine.model.Group;
import community.recommender.web.store.ClusterLock;
import community.recommender.web.store.GroupStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps every group's stored level, band, trend and stage fresh as its reports age.
 *
 * <p>A write to a group reassesses that group at once; this pass catches the rest, such as a
 * group whose reports simply grow older until it turns QUIET. Lists are therefore at most one
 * interval behind; reading a single group is always current. When several nodes share a
 * database, one of them makes each pass and the others skip it.
 */
public final class GroupReassessment {
  /** How often every group is reassessed. */
  public static final Duration INTERVAL = Duration.ofMinutes(10);

  private static final int CHUNK = 1000;

  private final GroupStore groups;
  private final ClusterLock lock;
  private final Clock clock;

  /** {@code lock} lets one node at a time make a pass. */
  public GroupReassessment(GroupStore groups, ClusterLock lock, Clock clock) {
    this.groups = groups;
    this.lock = lock;
    this.clock = clock;
  }

  /**
   * One pass over every active group, a chunk at a time; answers how many groups it assessed, or
   * empty when another node is making a pass.
   */
  public Future<Optional<Integer>> runOnce() {
    return lock.ifFree(() -> pass("", clock.instant(), 0));
  }

  private Future<Integer> pass(String afterId, Instant now, int assessed) {
    return groups.readAfter(afterId, CHUNK, now).compose(chunk -> {
      if (chunk.isEmpty()) {
        return Future.succeededFuture(assessed);
      }
      return groups.saveAssessments(chunk, now).compose(saved -> chunk.size() < CHUNK
          ? Future.succeededFuture(assessed + chunk.size())
          : pass(lastId(chunk), now, assessed + chunk.size()));
    });
  }

  private static String lastId(List<Group> chunk) {
    return chunk.get(chunk.size() - 1).getId();
  }

}

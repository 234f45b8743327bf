package community.recommender.web.store;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Optional;

/** Each group's latest silence: the last decision that sent it nothing, kept one per group. */
public interface SilenceStore {

  /**
   * Records that a decision at {@code now} sent {@code groupId} nothing. The same silence as the
   * recorded one is counted, not added; a different one replaces it.
   */
  Future<Void> record(String groupId, Silence silence, Instant now);

  /** The group's latest recorded silence, if it ever had one. */
  Future<Optional<RecordedSilence>> latest(String groupId);
}

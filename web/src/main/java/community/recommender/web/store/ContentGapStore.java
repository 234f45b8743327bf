package community.recommender.web.store;

import community.recommender.engine.decision.ContentGap;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/**
 * Content gaps as decisions meet them: what the library lacks, and which groups wait on it.
 *
 * <p>A group's latest decision says what it waits on; a gap that no group waits on any longer is
 * gone, and so is one that content answering it has been published for.
 */
public interface ContentGapStore {

  /** Makes {@code gaps} exactly what {@code groupId} waits on, as of a decision at {@code now}. */
  Future<Void> record(String groupId, List<ContentGap> gaps, Instant now);

  /** Up to {@code limit} open gaps, the most waited on first. */
  Future<List<OpenGap>> open(int limit);

  /** Closes the gaps with these keys; answers how many were open. */
  Future<Integer> close(List<String> keys);
}

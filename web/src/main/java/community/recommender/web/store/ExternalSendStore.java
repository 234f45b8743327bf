package community.recommender.web.store;

import community.recommender.engine.model.ExternalSends;
import io.vertx.core.Future;
import java.time.Instant;
import java.time.LocalDate;

/** Messages groups got from senders other than this engine, counted per day and source. */
public interface ExternalSendStore {

  /** Sets the count of {@code source}'s sends to {@code groupId} on {@code day}, replacing an earlier report. */
  Future<Void> record(String groupId, LocalDate day, String source, int sends, Instant now);

  /** The group's sends by others per day, from {@code from} on, all sources together. */
  Future<ExternalSends> since(String groupId, LocalDate from);
}

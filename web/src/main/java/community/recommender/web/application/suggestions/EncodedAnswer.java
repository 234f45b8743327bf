package community.recommender.web.application.suggestions;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * An answer as the HTTP layer first encoded it, kept with the answer so that every later poll that
 * gets the remembered answer writes the same bytes without rendering or encoding it again: a
 * suggestion's headers and JSON body, or a hold's headers that do not change while it stands.
 *
 * <p>The encoding depends only on the answer and its group's platform, which a change notice would
 * forget together with the remembered answer; explained answers and other formats are never kept
 * here.
 */
public final class EncodedAnswer {
  /** The headers and body of an answer. */
  public record Bytes(MultiMap headers, Buffer body) {}

  private volatile Bytes bytes;

  /** The encoded answer, once one was kept. */
  public Optional<Bytes> bytes() {
    return Optional.ofNullable(bytes);
  }

  /** Keeps {@code encoded} for later answers; the first one kept stays (all are the same bytes). */
  public Bytes keep(Bytes encoded) {
    if (bytes == null) {
      bytes = encoded;
    }
    return bytes;
  }
}

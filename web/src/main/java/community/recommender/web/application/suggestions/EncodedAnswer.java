package community.recommender.web.application.suggestions;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.util.Optional;

/**
 * A suggestion's plain answer as the HTTP layer first encoded it (its headers and JSON body), kept
 * with the suggestion so that every later look at the remembered suggestion writes the same bytes
 * without rendering or encoding it again.
 *
 * <p>The encoding depends only on the suggestion and its group's platform, which a change notice
 * would forget together with the remembered answer; explained answers and other formats are never
 * kept here.
 */
public final class EncodedAnswer {
  /** The headers and body of a 200 answer. */
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

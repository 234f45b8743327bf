package community.recommender.web.cli;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/** Sends content files to a running server's upload endpoint, one multipart request per batch. */
final class ContentUploader {
  private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

  private final ServerClient server;

  ContentUploader(ServerClient server) {
    this.server = server;
  }

  /** A file to send: its name as the server will see it, and its content. */
  record Upload(Path path, String name, byte[] bytes) {}

  /** Uploads {@code batch} in one request, telling {@code progress} of every byte as it is sent. */
  ServerClient.Answer send(List<Upload> batch, LongConsumer progress) {
    MultipartBody body = new MultipartBody();
    batch.forEach(upload -> body.file(upload.name(), upload.bytes()));
    byte[] bytes = body.toBytes();
    return server.send("POST", "/api/v1/content/uploads", body.contentType(),
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> new Counting(new ByteArrayInputStream(bytes), progress)),
            bytes.length),
        BATCH_TIMEOUT);
  }

  /** An input stream that reports how many bytes were read from it. */
  private static final class Counting extends FilterInputStream {
    private final LongConsumer progress;

    Counting(InputStream in, LongConsumer progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int read = super.read(buffer, offset, length);
      if (read > 0) {
        progress.accept(read);
      }
      return read;
    }
  }
}

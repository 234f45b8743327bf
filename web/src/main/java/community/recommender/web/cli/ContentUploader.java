package community.recommender.web.cli;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/** Sends content files to a running server's upload endpoint, one multipart request per batch. */
public final class ContentUploader {
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final URI uploads;
  private final String token;

  public ContentUploader(String server, String token) {
    this.uploads = URI.create(server.replaceAll("/+$", "") + "/api/v1/content/uploads");
    this.token = token;
  }

  /** A file to send: its name as the server will see it, and its content. */
  public record Upload(Path path, String name, byte[] bytes) {}

  /** The server's answer to one batch: its status and report. */
  public record Answer(int status, JsonObject body) {}

  /** Uploads {@code batch} in one request, telling {@code progress} of every byte as it is sent. */
  public Answer send(List<Upload> batch, LongConsumer progress) throws IOException, InterruptedException {
    MultipartBody body = new MultipartBody();
    batch.forEach(upload -> body.file(upload.name(), upload.bytes()));
    byte[] bytes = body.toBytes();
    HttpRequest request = HttpRequest.newBuilder(uploads)
        .header("Authorization", "Bearer " + token)
        .header("Content-Type", body.contentType())
        .timeout(Duration.ofMinutes(5))
        .POST(HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(() -> new Counting(new ByteArrayInputStream(bytes), progress)),
            bytes.length))
        .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    JsonObject json;
    try {
      json = new JsonObject(response.body());
    } catch (RuntimeException e) {
      json = new JsonObject().put("error", new JsonObject().put("status", response.statusCode())
          .put("message", response.body()));
    }
    return new Answer(response.statusCode(), json);
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

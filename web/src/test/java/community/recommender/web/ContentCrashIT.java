package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.cli.MultipartBody;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server killed with SIGKILL in the middle of a bulk upload, then restarted on the same data:
 * everything acknowledged is there and searchable, and no file is there in part.
 */
class ContentCrashIT {
  private static final int ITEMS_PER_FILE = 20;
  private static final int ACKNOWLEDGED_BEFORE_KILL = 12;
  private static final HttpClient HTTP = ContractCheckedClient.wrap(
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());

  @TempDir Path dataDir;

  @AfterEach
  void stopPostgresIfLeftBehind() throws IOException {
    Path pid = dataDir.resolve("postgres").resolve("postmaster.pid");
    if (Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(ProcessHandle::destroy);
    }
  }

  @Test
  void killDuringBulkUpload_losesNothingAcknowledged_andLeavesNothingPartial() throws Exception {
    RunningJar first = RunningJar.serve(dataDir);
    String token = Files.readString(dataDir.resolve("admin.token")).strip();
    List<Integer> acknowledged = new CopyOnWriteArrayList<>();
    AtomicInteger attempted = new AtomicInteger();
    Thread uploader = new Thread(() -> uploadUntilRefused(first.url(), token, acknowledged, attempted), "uploader");
    uploader.start();

    Instant deadline = Instant.now().plusSeconds(120);
    while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL && Instant.now().isBefore(deadline)) {
      Thread.onSpinWait();
    }
    first.kill();
    uploader.join(30_000);
    assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(ACKNOWLEDGED_BEFORE_KILL);

    RunningJar second = RunningJar.serve(dataDir);
    try {
      for (int file : acknowledged) {
        assertThat(countTagged(second.url(), token, file)).as("file %d was acknowledged", file)
            .isEqualTo(ITEMS_PER_FILE);
        JsonObject item = new JsonObject(get(second.url(), token, "/api/v1/content/crash-" + file + "-7").body());
        assertThat(item.getString("body")).isEqualTo(body(file, 7));
      }
      for (int file = 0; file < attempted.get(); file++) {
        assertThat(countTagged(second.url(), token, file)).as("file %d is whole or absent", file)
            .isIn(0L, (long) ITEMS_PER_FILE);
      }
      JsonObject byWord = new JsonObject(get(second.url(), token,
          "/api/v1/content?q=crashword" + acknowledged.get(0) % 10 + "&size=1").body());
      assertThat(byWord.getLong("total")).isGreaterThanOrEqualTo(ITEMS_PER_FILE);
    } finally {
      assertThat(second.stop()).as("the restarted server stops on SIGTERM").isTrue();
    }
  }

  /** Uploads CSV files of {@link #ITEMS_PER_FILE} items, one after another, until the server stops answering. */
  private static void uploadUntilRefused(String url, String token, List<Integer> acknowledged, AtomicInteger attempted) {
    for (int file = 0; ; file++) {
      StringBuilder csv = new StringBuilder("id,kind,title,language,status,tags,body\n");
      for (int item = 0; item < ITEMS_PER_FILE; item++) {
        csv.append("crash-").append(file).append('-').append(item).append(",POST,Crash file ").append(file)
            .append(" item ").append(item).append(",en,published,crash|file-").append(file).append(',')
            .append(body(file, item)).append('\n');
      }
      MultipartBody body = new MultipartBody().file("crash-" + file + ".csv", csv.toString().getBytes(StandardCharsets.UTF_8));
      attempted.set(file + 1);
      try {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/content/uploads"))
            .header("Authorization", "Bearer " + token).header("Content-Type", body.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toBytes())).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          acknowledged.add(file);
        }
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  private static String body(int file, int item) {
    return "crashword" + file % 10 + " " + "Body of item " + item + " in file " + file + ". ".repeat(1) + "x".repeat(500);
  }

  private static long countTagged(String url, String token, int file) throws Exception {
    HttpResponse<String> response = get(url, token, "/api/v1/content?tag=file-" + file + "&size=1");
    assertThat(response.statusCode()).isEqualTo(200);
    return new JsonObject(response.body()).getLong("total");
  }

  private static HttpResponse<String> get(String url, String token, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + token).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}

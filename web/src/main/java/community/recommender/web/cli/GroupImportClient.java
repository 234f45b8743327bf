package community.recommender.web.cli;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Uploads group files to a running server's {@code POST /api/v1/groups/import}, one request per
 * file, so that each file is imported whole or not at all.
 *
 * <p>{@code recommender import --groups} uses it.
 */
public final class GroupImportClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FILE_TIMEOUT = Duration.ofMinutes(10);

  private final URI server;
  private final String token;
  private final PrintWriter progress;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /** A client of {@code server} that sends {@code token} and reports each file on {@code progress}. */
  public GroupImportClient(URI server, String token, PrintWriter progress) {
    this.server = server;
    this.token = token;
    this.progress = progress;
  }

  /** What an import run did. */
  public record Summary(int files, int rejectedFiles, int created, int replaced) {

    /** Whether every file was imported. */
    public boolean complete() {
      return rejectedFiles == 0;
    }
  }

  /** Imports each file in turn; a rejected file is reported and the rest still go. */
  public Summary importFiles(List<Path> files) {
    int rejected = 0;
    int created = 0;
    int replaced = 0;
    for (Path file : files) {
      try {
        JsonObject done = upload(file);
        created += done.getInteger("created");
        replaced += done.getInteger("replaced");
        progress.printf("%s: %d groups imported (%d created, %d replaced)%n", file, done.getInteger("imported"),
            done.getInteger("created"), done.getInteger("replaced"));
      } catch (RejectedFileException e) {
        rejected++;
        progress.println(file + ": rejected, nothing imported from it: " + e.getMessage());
        e.problems().forEach(line -> progress.println("  " + line));
      }
      progress.flush();
    }
    return new Summary(files.size(), rejected, created, replaced);
  }

  private JsonObject upload(Path file) {
    String type = contentType(file);
    HttpResponse<String> response;
    try {
      HttpRequest request = HttpRequest.newBuilder(server.resolve("/api/v1/groups/import"))
          .timeout(FILE_TIMEOUT)
          .header("Authorization", "Bearer " + token)
          .header("Content-Type", type)
          .POST(HttpRequest.BodyPublishers.ofFile(file))
          .build();
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RejectedFileException(Files.exists(file) ? "cannot reach " + server + ": " + e : "cannot read it: "
          + e.getMessage(), List.of());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RejectedFileException("interrupted", List.of());
    }
    JsonObject body;
    try {
      body = new JsonObject(response.body());
    } catch (DecodeException | ClassCastException e) {
      throw new RejectedFileException("the server answered " + response.statusCode() + " without JSON", List.of());
    }
    if (response.statusCode() != 200) {
      JsonObject error = body.getJsonObject("error", new JsonObject());
      throw new RejectedFileException(response.statusCode() + " " + error.getString("message"),
          problems(error.getJsonArray("problems", new JsonArray())));
    }
    return body;
  }

  private static String contentType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      return "text/csv";
    }
    if (name.endsWith(".json")) {
      return "application/json";
    }
    throw new RejectedFileException("only .csv and .json files can be imported", List.of());
  }

  private static List<String> problems(JsonArray problems) {
    return problems.stream().map(JsonObject.class::cast).map(p -> {
      String where = p.containsKey("line") ? "line " + p.getInteger("line") : "row " + p.getInteger("row");
      String field = p.getString("field") == null ? "" : ", " + p.getString("field");
      return where + field + ": " + p.getString("message");
    }).toList();
  }

  /** A file the server refused, or that could not be sent. */
  private static final class RejectedFileException extends RuntimeException {
    private final List<String> problems;

    RejectedFileException(String message, List<String> problems) {
      super(message);
      this.problems = problems;
    }

    List<String> problems() {
      return problems;
    }
  }
}

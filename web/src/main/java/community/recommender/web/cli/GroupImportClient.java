package community.recommender.web.cli;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.FileNotFoundException;
import java.io.PrintWriter;
import java.net.http.HttpRequest;
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
final class GroupImportClient {
  private static final Duration FILE_TIMEOUT = Duration.ofMinutes(10);

  private final ServerClient server;
  private final PrintWriter progress;

  /** A client that sends each file to {@code server} and reports it on {@code progress}. */
  GroupImportClient(ServerClient server, PrintWriter progress) {
    this.server = server;
    this.progress = progress;
  }

  /** What an import run did. */
  record Summary(int files, int rejectedFiles, int created, int replaced) {

    /** Whether every file was imported. */
    boolean complete() {
      return rejectedFiles == 0;
    }
  }

  /** Imports each file in turn; a rejected file is reported and the rest still go. */
  Summary importFiles(List<Path> files) {
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
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(file);
    } catch (FileNotFoundException e) {
      throw new RejectedFileException("cannot read it: " + e.getMessage(), List.of());
    }
    ServerClient.Answer answer = server.send("POST", "/api/v1/groups/import", type, body, FILE_TIMEOUT);
    if (answer.status() != 200) {
      JsonObject error = answer.body().getJsonObject("error", new JsonObject());
      throw new RejectedFileException(answer.status() + " " + answer.errorMessage(),
          problems(error.getJsonArray("problems", new JsonArray())));
    }
    return answer.body();
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

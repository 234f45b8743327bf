package community.recommender.web.cli;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The one HTTP client of the command line: a running server's API, called with a bearer token. */
final class ServerClient {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final String server;
  private final String token;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

  /** A client of {@code server} (a base URL such as {@code http://localhost:8080}) that sends {@code token}. */
  ServerClient(String server, String token) {
    this.server = server.replaceAll("/+$", "");
    this.token = token;
  }

  /**
   * Sends a request with {@code body} of {@code contentType} (both null for none) and waits up to
   * {@code timeout}; answers whatever the server said. Fails with {@link ExitCode#FAILED} when the
   * server cannot be reached.
   */
  Answer send(String method, String path, String contentType, HttpRequest.BodyPublisher body, Duration timeout) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server + path))
        .timeout(timeout)
        .header("Authorization", "Bearer " + token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw CliFailure.failed("cannot reach " + server + "; is it running? (" + e + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliFailure.failed("interrupted while waiting for " + server);
    }
    JsonObject json;
    try {
      json = new JsonObject(response.body());
    } catch (RuntimeException e) {
      json = new JsonObject().put("error", new JsonObject().put("status", response.statusCode())
          .put("message", response.body()));
    }
    return new Answer(response.statusCode(), json);
  }

  /** Sends a JSON request and answers the body of a 2xx answer; any other answer ends the command. */
  JsonObject call(String method, String path, JsonObject body) {
    Answer answer = send(method, path, body == null ? null : "application/json",
        body == null ? null : HttpRequest.BodyPublishers.ofString(body.encode()), Duration.ofSeconds(30));
    if (!answer.ok()) {
      String message = "the server answered " + answer.status() + ": " + answer.errorMessage();
      throw answer.status() >= 500 ? CliFailure.failed(message) : CliFailure.refused(message);
    }
    return answer.body();
  }

  /** The server's base URL. */
  String server() {
    return server;
  }

  /** What the server answered: its status and JSON body (an error object when it sent no JSON). */
  record Answer(int status, JsonObject body) {

    boolean ok() {
      return status / 100 == 2;
    }

    /** The server's error message, or the empty string. */
    String errorMessage() {
      JsonObject error = body.getJsonObject("error");
      return error == null ? "" : String.valueOf(error.getValue("message", ""));
    }
  }
}

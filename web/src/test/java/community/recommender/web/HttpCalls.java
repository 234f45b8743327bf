package community.recommender.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The requests a test sends to a server on a local port, each through {@link TestServer#HTTP}, so
 * that every exchange is checked against the OpenAPI document.
 */
interface HttpCalls {
  /** The port the server answers on. */
  int port();

  /** Where the server answers, such as {@code http://localhost:41234}. */
  default String baseUrl() {
    return "http://localhost:" + port();
  }

  /** The server's address, such as {@code http://localhost:41234}. */
  default String url() {
    return baseUrl();
  }

  /** Creates a token through the API with {@code adminToken}; answers the token. */
  default String createToken(String adminToken, String role, String... groups) {
    JsonObject body = new JsonObject().put("role", role);
    if (groups.length > 0) {
      body.put("groups", new JsonArray(List.of(groups)));
    }
    HttpResponse<String> created = post("/api/v1/tokens", adminToken, "application/json", body.encode());
    if (created.statusCode() != 201) {
      throw new IllegalStateException("cannot create a " + role + " token: " + created.body());
    }
    return new JsonObject(created.body()).getString("token");
  }

  /** A GET with extra headers, as name/value pairs. */
  default HttpResponse<String> get(String path, String token, String... headers) {
    return send(request(path, token).headers(headers).GET());
  }

  /** A GET sent without waiting for its answer, for long polls. */
  default CompletableFuture<HttpResponse<String>> getAsync(String path, String token) {
    return TestServer.HTTP.sendAsync(request(path, token).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  default HttpResponse<String> get(String path, String token) {
    return send(request(path, token).GET());
  }

  default HttpResponse<String> postJson(String path, String token, String body) {
    return post(path, token, "application/json", body);
  }

  default HttpResponse<String> put(String path, String token, String body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  default HttpResponse<String> putText(String path, String token, String body) {
    return send(request(path, token).header("Content-Type", "text/plain; charset=utf-8")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  default HttpResponse<String> post(String path, String token, String contentType, String body) {
    return post(path, token, contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  default HttpResponse<String> post(String path, String token, String contentType, byte[] body) {
    return send(request(path, token).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  /** Any request: {@code body} (JSON, or null for none) and extra headers as name/value pairs. */
  default HttpResponse<String> send(String method, String path, String token, String body, String... headers) {
    HttpRequest.Builder request = request(path, token);
    if (headers.length > 0) {
      request.headers(headers);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
        : HttpRequest.BodyPublishers.ofString(body)));
  }

  default HttpResponse<String> head(String path, String token) {
    return send(request(path, token).method("HEAD", HttpRequest.BodyPublishers.noBody()));
  }

  default HttpResponse<String> delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  default HttpResponse<byte[]> getBytes(String path, String token) {
    return send(request(path, token).GET(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request;
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) {
    return send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
    try {
      return TestServer.HTTP.send(request.build(), body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}

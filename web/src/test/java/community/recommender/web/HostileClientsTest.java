package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Clients without a token sending huge bodies, against a real server process with a small heap:
 * they are answered 401 before their bodies are read, and the server keeps serving.
 */
class HostileClientsTest {
  private static final long SIXTY_MB = 60L * 1024 * 1024;
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @TempDir static Path temp;
  private static ServerProcess server;

  @BeforeAll
  static void start() throws Exception {
    // The test JVM's PostgreSQL: what is tested is the HTTP edge, and starting a PostgreSQL of its own costs seconds.
    Path data = temp.resolve("data");
    server = ServerProcess.serve(List.of("-Xmx128m"), data, "--database-url=" + TestDatabase.urlFor(data));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
  }

  @Test
  void sixtyMegabyteBodiesWithoutAToken_areAnswered401BeforeTheyAreRead_andTheServerKeepsServing() throws Exception {
    ExecutorService senders = Executors.newFixedThreadPool(8);
    try {
      List<Future<Sent>> sent = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        String path = i % 2 == 0 ? "/api/v1/groups/import" : "/api/v1/content/uploads";
        String type = i % 2 == 0 ? "text/csv" : "multipart/form-data; boundary=x";
        String authorization = i % 4 == 1 ? "Bearer cr_not_a_token" : null;
        sent.add(senders.submit(() -> post(path, type, authorization)));
      }
      for (Future<Sent> each : sent) {
        Sent result = each.get(120, TimeUnit.SECONDS);
        assertThat(result.statusLine()).startsWith("HTTP/1.1 401");
        assertThat(result.bytesWritten()).as("the body was not read to its end").isLessThan(SIXTY_MB);
      }
    } finally {
      senders.shutdownNow();
    }
    assertThat(server.isAlive()).isTrue();
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(server.output()).doesNotContain("OutOfMemoryError");
  }

  @Test
  void expectContinueWithoutAToken_isAnswered401_notContinue() throws Exception {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(("POST /api/v1/groups/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/csv\r\n"
          + "Content-Length: " + SIXTY_MB + "\r\nExpect: 100-continue\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();

      assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 401");
    }
  }

  /** Sends a 60 MB body, reading the answer as soon as it comes; stops writing once the server closed. */
  private static Sent post(String path, String contentType, String authorization) throws IOException {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(60_000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType + "\r\n"
          + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
          + "Content-Length: " + SIXTY_MB + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
      byte[] chunk = new byte[64 * 1024];
      long written = 0;
      try {
        while (written < SIXTY_MB) {
          out.write(chunk);
          written += chunk.length;
        }
      } catch (IOException closedByServer) {
        // The server answered and closed the connection without reading the rest: what it should do.
      }
      return new Sent(statusLine(socket.getInputStream()), written);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      line.append((char) c);
    }
    return line.toString().strip();
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private record Sent(String statusLine, long bytesWritten) {}
}

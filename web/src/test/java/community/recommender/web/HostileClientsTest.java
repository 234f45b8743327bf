package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.http.ApiVerticle;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
  private static final HttpClient HTTP = ContractCheckedClient.wrap(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

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

  @Test
  void headersTrickledAByteASecond_areClosedWithinTheHeaderTimeout_onANewOrAKeptAliveConnection() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try {
      Future<Duration> fresh = clients.submit(() -> trickleUntilClosed(false));
      Future<Duration> keptAlive = clients.submit(() -> trickleUntilClosed(true));

      Duration bound = ApiVerticle.HEADER_TIMEOUT.plusSeconds(3);
      assertThat(fresh.get(60, TimeUnit.SECONDS)).isBetween(ApiVerticle.HEADER_TIMEOUT.minusSeconds(1), bound);
      assertThat(keptAlive.get(60, TimeUnit.SECONDS)).isBetween(ApiVerticle.HEADER_TIMEOUT.minusSeconds(1), bound);
    } finally {
      clients.shutdownNow();
    }
    assertThat(get("/health").statusCode()).isEqualTo(200);
  }

  /**
   * Sends a request's headers one byte a second (after one whole request, when {@code keptAlive});
   * answers how long after the trickle began the server closed the connection.
   */
  private static Duration trickleUntilClosed(boolean keptAlive) throws IOException, InterruptedException {
    try (Socket socket = new Socket("localhost", server.port())) {
      socket.setSoTimeout(40_000);
      InputStream in = socket.getInputStream();
      OutputStream out = socket.getOutputStream();
      if (keptAlive) {
        out.write("GET /health/live HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        assertThat(statusLine(in)).startsWith("HTTP/1.1 200");
        skipToBodyEnd(in);
      }
      byte[] headers = "GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n"
          .getBytes(StandardCharsets.US_ASCII);
      long started = System.nanoTime();
      CompletableFuture<Long> closedAt = CompletableFuture.supplyAsync(() -> {
        try {
          while (in.read() != -1) {
            // Nothing is answered to headers that never end; anything read is drained until the close.
          }
        } catch (IOException reset) {
          // A reset is a close too.
        }
        return System.nanoTime();
      });
      for (int i = 0; i < headers.length && !closedAt.isDone(); i++) {
        try {
          out.write(headers[i]);
          out.flush();
        } catch (IOException closed) {
          break;
        }
        // The pacing of a slow client, not a wait for the server: the close is awaited below.
        Thread.sleep(1000);
      }
      return Duration.ofNanos(closedAt.get(40, TimeUnit.SECONDS) - started);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new AssertionError("the connection was not closed", e);
    }
  }

  /** Reads the rest of a small answer's head and its body, as given by Content-Length. */
  private static void skipToBodyEnd(InputStream in) throws IOException {
    int length = 0;
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1) {
      if (c == '\n') {
        String header = line.toString().strip();
        if (header.isEmpty()) {
          break;
        }
        if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(header.substring("content-length:".length()).strip());
        }
        line.setLength(0);
      } else {
        line.append((char) c);
      }
    }
    in.readNBytes(length);
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

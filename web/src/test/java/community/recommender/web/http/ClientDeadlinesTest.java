package community.recommender.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow clients against a real Vert.x server that keeps {@link ClientDeadlines} of one second for
 * headers and for bodies: what is closed, and what is not.
 */
class ClientDeadlinesTest {
  private static final Duration HEADERS = Duration.ofSeconds(1);
  private static final Duration BODY = Duration.ofSeconds(1);
  private static Vertx vertx;
  private static volatile int port;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    vertx.deployVerticle(new VerticleBase() {
      private HttpServer listening;

      @Override
      public Future<?> start() {
        ClientDeadlines deadlines = new ClientDeadlines(vertx, HEADERS, BODY);
        // HTTP/1.1 only, as the API server: with cleartext HTTP/2 on, a connection is handed over only once it sends.
        return vertx.createHttpServer(new HttpServerOptions().setHttp2ClearTextEnabled(false))
            .connectionHandler(deadlines::opened)
            .requestHandler(request -> {
              deadlines.headersArrived(request);
              request.response().endHandler(ended -> deadlines.answered(request.connection()));
              // A slow answer, three body deadlines long, to a request without a body.
              long delay = "/slow".equals(request.path()) ? BODY.toMillis() * 3 : 1;
              request.body().onSuccess(body -> vertx.setTimer(delay, t -> request.response().end("ok " + body.length())));
            })
            .listen(0).onSuccess(s -> {
              listening = s;
              port = s.actualPort();
            });
      }

      @Override
      public Future<?> stop() {
        return listening.close();
      }
    }).await(30, TimeUnit.SECONDS);
  }

  @AfterAll
  static void stop() throws Exception {
    vertx.close().await(30, TimeUnit.SECONDS);
  }

  @Test
  void aConnectionThatSendsNoHeaders_isClosedSoonAfterTheHeaderDeadline() throws Exception {
    try (Socket socket = open()) {
      assertClosedSoonAfter(HEADERS, socket.getInputStream());
    }
  }

  @Test
  void aBodyThatStopsHalfway_isClosedSoonAfterTheBodyDeadline() throws Exception {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write(("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 10\r\n\r\nabc")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertClosedSoonAfter(BODY, socket.getInputStream());
    }
  }

  @Test
  void aRequestWithoutABody_isNeverHeldToTheBodyDeadline_howeverLongItsAnswerTakes() throws Exception {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      out.write("GET /slow HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readAnswer(socket.getInputStream())).startsWith("HTTP/1.1 200").endsWith("ok 0");
    }
  }

  @Test
  void aKeptAliveConnection_servesRequestsThatComeInTime_andIsClosedWhenTheNextNeverComes() throws Exception {
    try (Socket socket = open()) {
      OutputStream out = socket.getOutputStream();
      InputStream in = socket.getInputStream();
      out.write("POST /upload HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\n\r\nabc".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readAnswer(in)).endsWith("ok 3");
      out.write("GET /fast HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      assertThat(readAnswer(in)).endsWith("ok 0");
      assertClosedSoonAfter(HEADERS, in);
    }
  }

  private static Socket open() throws IOException {
    Socket socket = new Socket("localhost", port);
    socket.setSoTimeout(20_000);
    return socket;
  }

  /** Reads until the server closes the connection: without a word, within a sweep (and slack) of {@code deadline}. */
  private static void assertClosedSoonAfter(Duration deadline, InputStream in) throws IOException {
    long started = System.nanoTime();
    assertThat(readUntilClosed(in)).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(deadline.minusMillis(100), deadline.plusMillis(ClientDeadlines.SWEEP_MILLIS + 1500));
  }

  /** Everything the server sends until it closes the connection. */
  private static String readUntilClosed(InputStream in) throws IOException {
    StringBuilder read = new StringBuilder();
    try {
      for (int b = in.read(); b != -1; b = in.read()) {
        read.append((char) b);
      }
    } catch (java.net.SocketException reset) {
      // A reset is a close too.
    }
    return read.toString();
  }

  /** One answer: its head and a body of the Content-Length it gives. */
  private static String readAnswer(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    while (!head.toString().endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b == -1) {
        throw new AssertionError("closed before an answer: " + head);
      }
      head.append((char) b);
    }
    int length = head.toString().lines().filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
        .mapToInt(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
    return head + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
  }
}

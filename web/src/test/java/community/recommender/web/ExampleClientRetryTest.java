package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The reference chat-tool client rides out a rolling deploy: it retries connection errors and 503
 * with backoff, instead of giving up. The server here is scripted, to answer 503 a given number of
 * times; the client is the real script.
 */
class ExampleClientRetryTest {
  private static final Path CLIENT = Path.of("..", "examples", "chat_tool_client.py").toAbsolutePath().normalize();

  @Test
  void answersOf503WithRetryAfter_areRetried_untilTheServerAnswers() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/api/v1/suggestions", exchange -> {
      boolean draining = requests.incrementAndGet() <= 2;
      byte[] body = (draining ? "{\"error\": {\"status\": 503, \"message\": \"shutting down\"}}"
          : "{\"items\": [], \"page\": 1, \"pageSize\": 100, \"total\": 0}").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      if (draining) {
        exchange.getResponseHeaders().add("Retry-After", "0");
      }
      exchange.sendResponseHeaders(draining ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
    try {
      Result result = client("http://127.0.0.1:" + server.getAddress().getPort(), "--once");

      assertThat(result.exit()).as(result.output()).isZero();
      assertThat(requests).hasValue(3);
      assertThat(result.output().lines().filter(l -> l.contains("answered 503; retrying in"))).hasSize(2);
    } finally {
      server.stop(0);
    }
  }

  @Test
  void anUnreachableServer_isRetriedWithGrowingWaits_untilTheClientGivesUp() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    Result result = client("http://127.0.0.1:" + closedPort, "--once", "--give-up-after", "3");

    assertThat(result.exit()).as(result.output()).isEqualTo(1);
    assertThat(result.output().lines().filter(l -> l.contains("cannot reach") && l.contains("retrying in")).count())
        .as(result.output()).isGreaterThanOrEqualTo(2);
    assertThat(result.output()).contains("gave up after 3.0 s");
  }

  private static Result client(String url, String... options) throws Exception {
    String[] command = new String[6 + options.length];
    command[0] = "python3";
    command[1] = CLIENT.toString();
    command[2] = "--server";
    command[3] = url;
    command[4] = "--token";
    command[5] = "cr_test";
    System.arraycopy(options, 0, command, 6, options.length);
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output);
  }

  private record Result(int exit, String output) {}
}

package community.recommender.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Stoplight Prism in proxy mode with {@code --errors} in front of a server: it forwards each request,
 * validates it and its response against openapi.yaml, and answers a violation as an error in place
 * of the server's answer. Prism is pinned in {@code src/test/openapi-lint}, whose {@code npm ci}
 * runs in the test phase, before the integration tests that use it.
 */
final class PrismProxy implements AutoCloseable {
  static final Path TOOLS = Path.of("src", "test", "openapi-lint").toAbsolutePath();
  private static final Path PRISM = TOOLS.resolve(Path.of("node_modules", ".bin", "prism"));
  private static final Path DOCUMENT = Path.of("src", "main", "resources", "openapi.yaml").toAbsolutePath();
  private static final Duration START = Duration.ofSeconds(120);

  private final Process process;
  private final StringBuffer log;
  private final int port;

  private PrismProxy(Process process, StringBuffer log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** Starts Prism in front of {@code upstream}, such as {@code http://localhost:41234}; waits until it listens. */
  static PrismProxy inFrontOf(String upstream) throws Exception {
    if (!Files.isExecutable(PRISM)) {
      throw new IllegalStateException(PRISM + " is missing: run npm ci in " + TOOLS + " (mvn's test phase does)");
    }
    int port = freePort();
    Process process = new ProcessBuilder(PRISM.toString(), "proxy", "--errors", "--host", "127.0.0.1",
        "--port", Integer.toString(port), DOCUMENT.toString(), upstream)
        .directory(TOOLS.toFile()).redirectErrorStream(true).start();
    StringBuffer log = new StringBuffer();
    CompletableFuture<Void> listening = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          log.append(line).append('\n');
          if (line.contains("Prism is listening")) {
            listening.complete(null);
          }
        }
      } catch (IOException e) {
        listening.completeExceptionally(e);
      }
      listening.completeExceptionally(new IllegalStateException("Prism stopped:\n" + log));
    }, "prism-log");
    reader.setDaemon(true);
    reader.start();
    try {
      listening.get(START.toSeconds(), TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      throw new IllegalStateException("Prism did not start within " + START + ":\n" + log, e);
    }
    return new PrismProxy(process, log, port);
  }

  /** Where Prism answers, such as {@code http://127.0.0.1:4010}. */
  String url() {
    return "http://127.0.0.1:" + port;
  }

  /** How much Prism has logged so far: a mark for {@link #violationsSince}. */
  int logged() {
    return log.length();
  }

  /**
   * The log lines since {@code mark} that report a request or response the document does not allow,
   * or a request Prism refused.
   */
  List<String> violationsSince(int mark) {
    return log.substring(mark).lines()
        .filter(line -> line.contains("Violation") || line.contains("✖"))
        .toList();
  }

  /** Everything Prism printed, for failure messages. */
  String log() {
    return log.toString();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}

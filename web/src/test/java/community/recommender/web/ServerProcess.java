package community.recommender.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code recommender serve} in a JVM of its own, started from the test classpath with the JVM
 * options a test picks (a small heap), so that a test can signal it and watch it exit.
 */
final class ServerProcess implements AutoCloseable {
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");

  private final Process process;
  private final int port;
  private final StringBuffer output;
  private final Thread reader;

  private ServerProcess(Process process, int port, StringBuffer output, Thread reader) {
    this.process = process;
    this.port = port;
    this.output = output;
    this.reader = reader;
  }

  /**
   * Starts {@code serve --port=0 --data-dir dataDir options…} in a JVM with {@code jvmOptions}, on the test
   * servers' clock; waits until it listens.
   */
  static ServerProcess serve(List<String> jvmOptions, Path dataDir, String... options) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add(RunningJar.QUICK_START);
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("community.recommender.web.cli.Main");
    command.add("serve");
    command.add("--port=0");
    command.add("--data-dir=" + dataDir);
    command.add("--rules-dir=" + TestServer.RULES);
    command.add("--samples-dir=" + TestServer.SAMPLES);
    command.add("--clock-at=" + TestServer.START);
    command.addAll(List.of(options));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    StringBuffer output = new StringBuffer();
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          output.append(line).append('\n');
          Matcher listening = LISTENING.matcher(line);
          if (listening.find()) {
            port.complete(Integer.parseInt(listening.group(1)));
          }
        }
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the server exited before listening:\n" + output));
    }, "server-output");
    reader.setDaemon(true);
    reader.start();
    try {
      return new ServerProcess(process, port.get(180, TimeUnit.SECONDS), output, reader);
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  int port() {
    return port;
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** Everything the process printed so far. */
  String output() {
    return output.toString();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Sends SIGTERM, as an orchestrator stopping a container does. Through the process handle: {@code
   * Process.destroy()} would also close the pipe, and the output of the shutdown would be lost.
   */
  void terminate() {
    process.toHandle().destroy();
  }

  /** Waits up to {@code timeout} for the process to end, then for the rest of its output; answers whether it ended. */
  boolean waitForExit(Duration timeout) throws InterruptedException {
    boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (ended) {
      reader.join(TimeUnit.SECONDS.toMillis(10));
    }
    return ended;
  }

  int exitValue() {
    return process.exitValue();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroyForcibly();
      process.waitFor(30, TimeUnit.SECONDS);
    }
  }
}

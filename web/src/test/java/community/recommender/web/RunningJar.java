package community.recommender.web;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shaded jar started as a separate process, as an operator runs it, on a data dir of the test's. */
final class RunningJar {
  private static final Path JAR = Path.of(System.getProperty("recommender.jar", "target/recommender.jar"));
  private static final Pattern LISTENING = Pattern.compile("listening on http://localhost:(\\d+)");
  /**
   * The JIT's quick tier only: a server process a test starts lives for seconds, and most of its work
   * is compiling the playbook once, which this halves; what the test checks does not depend on it.
   */
  static final String QUICK_START = "-XX:TieredStopAtLevel=1";

  private final Process process;
  private final int port;

  private RunningJar(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts {@code serve} on {@code dataDir}, on the test servers' clock, and waits until it listens. */
  static RunningJar serve(Path dataDir, String... options) throws Exception {
    String[] command = new String[9 + options.length];
    command[0] = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    command[1] = QUICK_START;
    command[2] = "-jar";
    command[3] = JAR.toAbsolutePath().toString();
    command[4] = "serve";
    command[5] = "--port=0";
    command[6] = "--data-dir";
    command[7] = dataDir.toString();
    command[8] = "--clock-at=" + TestServer.START;
    System.arraycopy(options, 0, command, 9, options.length);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("RECOMMENDER_HOME", Path.of("..").toAbsolutePath().normalize().toString());
    Process process = builder.start();
    try {
      return new RunningJar(process, portFromOutput(process).get(120, TimeUnit.SECONDS));
    } catch (Exception e) {
      process.destroyForcibly();
      throw e;
    }
  }

  String url() {
    return "http://localhost:" + port;
  }

  /** SIGKILL: no shutdown hook runs, nothing is flushed or closed. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** SIGTERM, and waits for the server to stop cleanly. */
  boolean stop() throws InterruptedException {
    process.destroy();
    return process.waitFor(60, TimeUnit.SECONDS);
  }

  /** Completes with the port once the server prints its listening line; fails if it exits first. */
  private static CompletableFuture<Integer> portFromOutput(Process process) {
    CompletableFuture<Integer> port = new CompletableFuture<>();
    Thread reader = new Thread(() -> {
      StringBuilder seen = new StringBuilder();
      try (BufferedReader out = new BufferedReader(
          new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = out.readLine()) != null) {
          seen.append(line).append('\n');
          Matcher listening = LISTENING.matcher(line);
          if (listening.find()) {
            port.complete(Integer.parseInt(listening.group(1)));
          }
        }
      } catch (Exception e) {
        port.completeExceptionally(e);
      }
      port.completeExceptionally(new IllegalStateException("the server exited before listening:\n" + seen));
    }, "jar-output");
    reader.setDaemon(true);
    reader.start();
    return port;
  }
}

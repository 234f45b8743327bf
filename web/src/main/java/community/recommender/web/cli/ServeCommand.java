package community.recommender.web.cli;

import community.recommender.web.server.RecommenderServer;
import community.recommender.web.server.RunningServer;
import community.recommender.web.server.ServerConfig;
import community.recommender.web.server.StartupException;
import community.recommender.web.server.Terminal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code recommender serve}: starts the HTTP server and runs until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the server.")
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
  int port;

  @Option(names = "--data-dir", description = "Where the embedded PostgreSQL, the index and admin.token live (default: <home>/data).")
  Path dataDir;

  @Option(names = "--database-url", description = "Use this PostgreSQL, e.g. postgresql://user:pass@host:5432/db, instead of the embedded one.")
  String databaseUrl;

  @Option(names = "--rules-dir", description = "The folder of .drl rule files (default: <home>/rules).")
  Path rulesDir;

  @Option(names = "--samples-dir", description = "The demo content library (default: <home>/content-library/samples).")
  Path samplesDir;

  @Option(names = "--demo", description = "Load the demo groups and content library into an empty database.")
  boolean demo;

  @Option(names = "--max-upload-mb", defaultValue = "20", description = "The most MiB one content upload request may have (default: ${DEFAULT-VALUE}).")
  int maxUploadMb;

  @Option(names = "--max-file-mb", defaultValue = "5", description = "The most MiB one uploaded file, or one file in an archive, may have (default: ${DEFAULT-VALUE}).")
  int maxFileMb;

  @Option(names = "--pending-ttl-minutes", defaultValue = "360",
      description = "How long a pending suggestion serves before a poll decides anew (default: ${DEFAULT-VALUE}).")
  long pendingTtlMinutes;

  @Option(names = "--rate-limit", defaultValue = "20",
      description = "Requests per second each token may keep up; 0 turns the limit off (default: ${DEFAULT-VALUE}).")
  double rateLimit;

  @Option(names = "--rate-burst", defaultValue = "40",
      description = "Requests a token may make at once above that rate (default: ${DEFAULT-VALUE}).")
  int rateBurst;

  @Option(names = "--shutdown-timeout-seconds", defaultValue = "10",
      description = "The most a shutdown (SIGTERM) may take, draining included, before the process ends anyway"
          + " (default: ${DEFAULT-VALUE}).")
  int shutdownTimeoutSeconds;

  @Option(names = "--unready-seconds", defaultValue = "0",
      description = "On SIGTERM, keep serving this long with /health/ready at 503 before closing, so load balancers"
          + " stop sending traffic first; part of the shutdown timeout, at most half of it (default: ${DEFAULT-VALUE}).")
  int unreadySeconds;

  @Option(names = "--cors-origin", paramLabel = "<origin>",
      description = "Let pages from this web origin, such as https://chat.example.org, call the API from a browser;"
          + " repeat for more. None by default.")
  List<String> corsOrigins = new ArrayList<>();

  @Option(names = "--outcome-window-hours", defaultValue = "${env:RECOMMENDER_OUTCOME_WINDOW_HOURS:-48}",
      description = "How many hours after a post its metrics may still grow and count toward its reward; a post with"
          + " none by then counts as no engagement. 1 to 720; $RECOMMENDER_OUTCOME_WINDOW_HOURS sets it too"
          + " (default: ${DEFAULT-VALUE}).")
  int outcomeWindowHours;

  @Option(names = "--no-terminal", description = "Never print the first admin token, only save it to <data-dir>/admin.token,"
      + " as when there is no terminal (containers, service managers).")
  boolean noTerminal;

  /** Test-only, hence hidden: lets a test run the whole process on a known date instead of today's. */
  @Option(names = "--clock-at", hidden = true,
      description = "For tests only: the server's clock starts at this ISO-8601 instant and ticks on from there.")
  Instant clockAt;

  @Override
  public Integer call() throws InterruptedException {
    if (pendingTtlMinutes < 1 || rateLimit < 0 || rateBurst < 1 || shutdownTimeoutSeconds < 1) {
      spec.commandLine().getErr().println("error: --pending-ttl-minutes, --rate-burst and --shutdown-timeout-seconds"
          + " must be at least 1, and --rate-limit not negative");
      return ExitCode.FAILED;
    }
    if (unreadySeconds < 0 || unreadySeconds * 2 > shutdownTimeoutSeconds) {
      spec.commandLine().getErr().println("error: --unready-seconds must lie between 0 and half of"
          + " --shutdown-timeout-seconds (" + shutdownTimeoutSeconds + "), not " + unreadySeconds);
      return ExitCode.FAILED;
    }
    if (outcomeWindowHours < 1 || outcomeWindowHours > 720) {
      spec.commandLine().getErr().println("error: --outcome-window-hours (or $RECOMMENDER_OUTCOME_WINDOW_HOURS) must"
          + " lie between 1 and 720, not " + outcomeWindowHours);
      return ExitCode.FAILED;
    }
    Path home = Home.directory();
    ServerConfig config = new ServerConfig(
        port,
        Home.dataDir(dataDir),
        databaseUrl,
        rulesDir != null ? rulesDir : home.resolve("rules"),
        samplesDir != null ? samplesDir : home.resolve("content-library").resolve("samples"),
        demo,
        maxUploadMb * 1024L * 1024,
        maxFileMb * 1024L * 1024,
        new ServerConfig.Delivery(Duration.ofMinutes(pendingTtlMinutes), rateLimit, rateBurst))
        .with(Duration.ofSeconds(shutdownTimeoutSeconds))
        .unready(Duration.ofSeconds(unreadySeconds))
        .withOutcomeWindow(Duration.ofHours(outcomeWindowHours))
        .with(clock());
    try {
      config = config.withCorsOrigins(corsOrigins);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("error: --cors-origin " + e.getMessage());
      return ExitCode.FAILED;
    }
    RunningServer server;
    try {
      server = RecommenderServer.start(config, new PrintStream(System.out, true, StandardCharsets.UTF_8),
          Terminal.of(noTerminal, System.console() != null));
    } catch (StartupException e) {
      spec.commandLine().getErr().println("error: " + e.getMessage());
      return ExitCode.FAILED;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stopWithin(server, server.shutdownTimeout());
      stopped.countDown();
    }, "shutdown"));
    stopped.await();
    return ExitCode.DONE;
  }

  /** The system clock, or with {@code --clock-at} one that ticks at the same pace from that instant. */
  private Clock clock() {
    Clock system = Clock.systemUTC();
    return clockAt == null ? system : Clock.offset(system, Duration.between(system.instant(), clockAt));
  }

  /** Drains and stops {@code server}; a stop that outlasts {@code bound} ends the process there and then. */
  private static void stopWithin(RunningServer server, Duration bound) {
    long started = System.nanoTime();
    Thread closing = new Thread(server::close, "closing");
    closing.start();
    try {
      closing.join(bound.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (closing.isAlive()) {
      System.err.println("error: the shutdown took longer than " + bound.toSeconds() + " s; stopping now");
      Runtime.getRuntime().halt(ExitCode.FAILED);
    }
    System.out.printf("Community Recommender stopped in %.1f s%n", (System.nanoTime() - started) / 1e9);
  }
}

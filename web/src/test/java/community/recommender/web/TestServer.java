package community.recommender.web;

import community.recommender.web.server.RecommenderServer;
import community.recommender.web.server.RunningServer;
import community.recommender.web.server.ServerConfig;
import community.recommender.web.server.Terminal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** A real server on a free port with embedded PostgreSQL, the real rules and the demo library. */
final class TestServer implements AutoCloseable, HttpCalls {
  static final Path RULES = Path.of("..", "rules").toAbsolutePath().normalize();
  static final Path SAMPLES = Path.of("..", "content-library", "samples").toAbsolutePath().normalize();

  /** The instant test servers start their clocks at, in this JVM and in server processes ({@code --clock-at}). */
  static final Instant START = Instant.parse("2026-11-23T10:00:00Z");

  /**
   * The clock every test server runs on: it ticks, but starts at a fixed Monday rather than today, so
   * that no test depends on the date it runs (the demo content is valid until the end of 2030).
   */
  static final Clock CLOCK = Clock.offset(Clock.systemUTC(),
      Duration.between(Instant.now(), TestServer.START));

  /** The client every request of {@link TestServer} goes through: it checks each exchange against the document. */
  static final HttpClient HTTP = ContractCheckedClient.wrap(
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());

  private final RunningServer server;
  private final String output;

  private TestServer(RunningServer server, String output) {
    this.server = server;
    this.output = output;
  }

  /**
   * Delivery settings without a rate limit, for tests that send many requests quickly but are not
   * about rate limits; the tests of 429 set a limit of their own.
   */
  static final ServerConfig.Delivery UNLIMITED =
      new ServerConfig.Delivery(ServerConfig.Delivery.DEFAULTS.pendingTtl(), 0, 1);

  /** Starts on {@code dataDir} with the demo data. */
  static TestServer start(Path dataDir) {
    return start(demo(dataDir));
  }

  /** Starts on {@code dataDir} against the PostgreSQL at {@code databaseUrl}, without demo data. */
  static TestServer startOn(Path dataDir, String databaseUrl) {
    return start(on(dataDir, databaseUrl));
  }

  /** A server on {@code dataDir} with the demo data, in a database of the data dir's own. */
  static ServerConfig demo(Path dataDir) {
    return demo(dataDir, RULES);
  }

  /** As {@link #demo(Path)}, with the rules in {@code rulesDir}. */
  static ServerConfig demo(Path dataDir, Path rulesDir) {
    return new ServerConfig(0, dataDir, null, rulesDir, SAMPLES, true).with(UNLIMITED);
  }

  /** A server on {@code dataDir} against the PostgreSQL at {@code databaseUrl}, without demo data. */
  static ServerConfig on(Path dataDir, String databaseUrl) {
    return new ServerConfig(0, dataDir, databaseUrl, RULES, SAMPLES, false).with(UNLIMITED);
  }

  /**
   * Starts {@code config} on the test clock. Without a database URL the server uses a database of its
   * data dir's own in the test JVM's PostgreSQL (the same one again when it restarts on that data dir).
   */
  static TestServer start(ServerConfig config) {
    return startAhead(config, Duration.ZERO);
  }

  /** As {@link #start(ServerConfig)}, on a clock {@code ahead} of the test clock: weeks later, for a restart. */
  static TestServer startAhead(ServerConfig config, Duration ahead) {
    return startOn(config, Clock.offset(CLOCK, ahead));
  }

  /** As {@link #start(ServerConfig)}, on {@code clock}: a fixed one makes every decision's seed known in advance. */
  static TestServer startOn(ServerConfig config, Clock clock) {
    if (config.databaseUrl() != null) {
      return startAsConfigured(config, Terminal.PRESENT, clock);
    }
    return startAsConfigured(new ServerConfig(config.port(), config.dataDir(), TestDatabase.urlFor(config.dataDir()),
        config.rulesDir(), config.samplesDir(), config.demo(), config.maxUploadBytes(), config.maxFileBytes(),
        config.delivery(), config.clock()).with(config.shutdownTimeout()).unready(config.unreadyFor())
        .withCorsOrigins(config.corsOrigins()).withOutcomeWindow(config.outcomeWindow()), Terminal.PRESENT, clock);
  }

  /** Starts on {@code dataDir} with the demo data and the product's own embedded PostgreSQL in the data dir. */
  static TestServer startEmbedded(Path dataDir) {
    return startEmbedded(dataDir, RULES);
  }

  /** Starts on {@code dataDir} with the demo data, the rules in {@code rulesDir} and the embedded PostgreSQL. */
  static TestServer startEmbedded(Path dataDir, Path rulesDir) {
    return startAsConfigured(new ServerConfig(0, dataDir, null, rulesDir, SAMPLES, true).with(UNLIMITED));
  }

  /** Starts on {@code dataDir} with the demo data, as a server whose output reaches no terminal. */
  static TestServer startWithoutTerminal(Path dataDir) {
    ServerConfig config = new ServerConfig(0, dataDir, TestDatabase.urlFor(dataDir), RULES, SAMPLES, true).with(UNLIMITED);
    return startAsConfigured(config, Terminal.ABSENT);
  }

  private static TestServer startAsConfigured(ServerConfig config) {
    return startAsConfigured(config, Terminal.PRESENT);
  }

  private static TestServer startAsConfigured(ServerConfig config, Terminal terminal) {
    return startAsConfigured(config, terminal, CLOCK);
  }

  private static TestServer startAsConfigured(ServerConfig config, Terminal terminal, Clock clock) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    RunningServer server = RecommenderServer.start(config.with(clock), new PrintStream(out, true, StandardCharsets.UTF_8),
        terminal);
    return new TestServer(server, out.toString(StandardCharsets.UTF_8));
  }

  /** The time on the test servers' clock. */
  static Instant now() {
    return CLOCK.instant();
  }

  @Override
  public int port() {
    return server.port();
  }

  /** The database URL a second node is started with to share this node's state. */
  String databaseUrl() {
    return server.databaseUrl();
  }

  /** Every endpoint the router serves, as {@code "GET /api/v1/groups/{groupId}"}. */
  java.util.List<String> endpoints() {
    return server.endpoints();
  }

  /** Rebuilds the engagement model decisions read, so that the next decisions see every outcome reported so far. */
  void refreshEngagement() {
    server.refreshEngagement();
  }

  /** What the server printed while starting. */
  String output() {
    return output;
  }

  static String adminToken(Path dataDir) {
    try {
      return Files.readString(dataDir.resolve("admin.token")).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Copies the real rules folder into {@code dir}, for tests that change rules. */
  static Path copyOfRules(Path dir) {
    try {
      Files.createDirectories(dir);
      try (var files = Files.list(RULES)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".drl")).toList()) {
          Files.copy(file, dir.resolve(file.getFileName()));
        }
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    server.close();
  }
}

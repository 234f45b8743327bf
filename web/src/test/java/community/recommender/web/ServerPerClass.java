package community.recommender.web;

import community.recommender.web.server.ServerConfig;
import community.recommender.web.store.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real server for a whole test class, registered as
 * {@code @RegisterExtension static final ServerPerClass server = ServerPerClass.withDemo();}: started
 * before the class's first test in a folder of the class's own, closed after its last.
 *
 * <p>A start that fails part way closes what it had opened, so a broken class leaves no database or
 * folder behind for the next one. Tests call the server through it as they would a {@link TestServer}.
 */
final class ServerPerClass implements BeforeAllCallback, AfterAllCallback, AutoCloseable, HttpCalls {
  /** The configuration of a class's server, made from the class's folder and its own database (or null). */
  interface Setup {
    ServerConfig config(Path folder, TestDatabase database);
  }

  private final boolean ownDatabase;
  private final Setup setup;
  private final Clock clock;
  private Path folder;
  private TestDatabase database;
  private ServerConfig config;
  private TestServer server;

  ServerPerClass(boolean ownDatabase, Setup setup, Clock clock) {
    this.ownDatabase = ownDatabase;
    this.setup = setup;
    this.clock = clock;
  }

  /** A server with the demo data, in a database of its data dir's own. */
  static ServerPerClass withDemo() {
    return configured(folder -> TestServer.demo(folder.resolve("data")));
  }

  /** As {@link #withDemo()}, on a copy of the real rules that the class may change. */
  static ServerPerClass withDemoOnCopyOfRules() {
    return configured(folder ->
        TestServer.demo(folder.resolve("data"), TestServer.copyOfRules(folder.resolve("rules"))));
  }

  /**
   * A server without demo data on a database of the class's own, created empty and migrated by the
   * server's start; the class reaches the database through {@link #database()}.
   */
  static ServerPerClass onOwnDatabase() {
    return new ServerPerClass(true, (folder, database) -> TestServer.on(folder.resolve("data"), database.url()),
        TestServer.CLOCK);
  }

  /** The server {@code config} makes of the class's folder; without a database URL, on one of its data dir's own. */
  static ServerPerClass configured(Function<Path, ServerConfig> config) {
    return new ServerPerClass(false, (folder, database) -> config.apply(folder), TestServer.CLOCK);
  }

  /** The same server, on {@code clock} instead of the test clock. */
  ServerPerClass on(Clock clock) {
    return new ServerPerClass(ownDatabase, setup, clock);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Opens the folder, the database where asked, and the server; on a failure, closes what it had opened. */
  void start() {
    try {
      folder = Files.createTempDirectory("server-per-class");
      if (ownDatabase) {
        database = TestDatabase.start();
      }
      config = setup.config(folder, database);
      server = TestServer.startOn(config, clock);
    } catch (IOException | RuntimeException e) {
      try {
        close();
      } catch (RuntimeException closing) {
        e.addSuppressed(closing);
      }
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Closes the server, then the database, then removes the folder; closing twice does nothing more. */
  @Override
  public void close() {
    Path opened = folder;
    try {
      Closing.all(server, database, opened == null ? null : () -> removeAll(opened));
    } finally {
      server = null;
      database = null;
      folder = null;
    }
  }

  @Override
  public int port() {
    return running().port();
  }

  /** The server's data dir. */
  Path dataDir() {
    return config.dataDir();
  }

  /** The rules folder the server reads. */
  Path rulesDir() {
    return config.rulesDir();
  }

  /** The database of the class's own, for {@link #onOwnDatabase()}. */
  TestDatabase database() {
    if (database == null) {
      throw new IllegalStateException("this server has no database of its own: use ServerPerClass.onOwnDatabase()");
    }
    return database;
  }

  /** The first admin token, which the server left in its data dir. */
  String admin() {
    return TestServer.adminToken(dataDir());
  }

  /** A new token of {@code role}, limited to {@code groups} unless none, made with the first admin token. */
  String token(Role role, String... groups) {
    return createToken(admin(), role.name().toLowerCase(Locale.ROOT), groups);
  }

  /** Every endpoint the router serves, as {@code "GET /api/v1/groups/{groupId}"}. */
  List<String> endpoints() {
    return running().endpoints();
  }

  /** What the server printed while starting. */
  String output() {
    return running().output();
  }

  /** Rebuilds the engagement model decisions read, so that the next decisions see every outcome reported so far. */
  void refreshEngagement() {
    running().refreshEngagement();
  }

  private TestServer running() {
    if (server == null) {
      throw new IllegalStateException("the server runs only between the class's first and last test");
    }
    return server;
  }

  private static void removeAll(Path folder) throws IOException {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

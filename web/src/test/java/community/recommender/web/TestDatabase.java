package community.recommender.web;

import community.recommender.web.store.Futures;
import community.recommender.web.store.Role;
import community.recommender.web.store.database.SchemaMigrations;
import community.recommender.web.store.pg.PgTokenStore;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A database of the test's own, which a server uses as its external database and the test reaches
 * directly: to make tokens, and to set up history.
 *
 * <p>Every database lives in one real PostgreSQL per test JVM, started on first use and stopped
 * when the JVM exits: starting PostgreSQL costs seconds, creating a database milliseconds.
 */
public final class TestDatabase implements AutoCloseable {
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final Map<Path, String> BY_DATA_DIR = new ConcurrentHashMap<>();
  private static EmbeddedPostgres postgres;
  private static String migrated;

  private final String name;
  private final Vertx vertx;
  private final Pool pool;

  private TestDatabase(String name, Vertx vertx, Pool pool) {
    this.name = name;
    this.vertx = vertx;
    this.pool = pool;
  }

  /** A new, empty database. */
  public static TestDatabase start() {
    String name = create();
    Vertx vertx = Vertx.vertx();
    Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost")
        .setPort(postgres().getPort()).setDatabase(name).setUser("postgres")).using(vertx).build();
    return new TestDatabase(name, vertx, pool);
  }

  /**
   * The URL of the database a server with the data dir {@code dataDir} keeps its state in: a new one
   * for a new data dir, the same one when a server starts again on the same data dir.
   *
   * <p>A new one is a copy of a database migrated once per JVM, so the server's start only checks the
   * schema; tests of migrating an empty database use {@link #start()}.
   */
  static String urlFor(Path dataDir) {
    return url(BY_DATA_DIR.computeIfAbsent(dataDir.toAbsolutePath().normalize(), dir -> create(migrated())));
  }

  /** The URL a server connects with. */
  public String url() {
    return url(name);
  }

  public Pool pool() {
    return pool;
  }

  /** The JDBC URL of this database, for user {@code postgres} without a password. */
  public String jdbcUrl() {
    return postgres().getJdbcUrl("postgres", name);
  }

  /** Brings the schema up to date, as a server does at start. */
  public void migrate() {
    SchemaMigrations.apply(jdbcUrl(), "postgres", null);
  }

  /** A new token of {@code role}, limited to {@code groups} unless empty. */
  String token(Role role, List<String> groups) {
    return Futures.await(new PgTokenStore(pool).create(role, groups, "test " + role)).token();
  }

  /** Runs one statement, waiting for it. */
  public void execute(String sql, Tuple arguments) {
    Futures.await(pool.preparedQuery(sql).execute(arguments));
  }

  @Override
  public void close() {
    Futures.await(pool.close());
    Futures.await(vertx.close());
    administer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static String url(String name) {
    return "postgresql://postgres@localhost:" + postgres().getPort() + "/" + name;
  }

  private static String create() {
    return create("template1");
  }

  private static String create(String template) {
    String name = "test_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
    administer("CREATE DATABASE " + name + " TEMPLATE " + template);
    return name;
  }

  /** The database every {@link #urlFor} copies: migrated on first use, and never connected to again. */
  private static synchronized String migrated() {
    if (migrated == null) {
      String name = create();
      SchemaMigrations.apply(postgres().getJdbcUrl("postgres", name), "postgres", null);
      migrated = name;
    }
    return migrated;
  }

  private static void administer(String sql) {
    try (Connection connection = postgres().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql + ": " + e.getMessage(), e);
    }
  }

  private static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        // A throwaway server: nothing here must outlive a machine crash, so it never waits for the disk
        // (zonky already turns synchronous commit off). The product's own embedded PostgreSQL stays durable.
        EmbeddedPostgres started = EmbeddedPostgres.builder().setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off").start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }, "test-postgres-stop"));
        postgres = started;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return postgres;
  }
}

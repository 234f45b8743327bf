package community.recommender.web.store.database;

import community.recommender.web.store.Futures;

import community.recommender.web.store.StoreHealth;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetClientOptions;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.nio.file.Path;
import java.time.Duration;

/** The PostgreSQL the server keeps its state in: embedded under the data dir, or external. */
public final class Database implements StoreHealth, AutoCloseable {
  private static final int POOL_SIZE = 16;
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  /** How often the embedded PostgreSQL's process is checked, and started again when it has died. */
  private static final Duration WATCH_INTERVAL = Duration.ofSeconds(1);

  private final Pool pool;
  private final EmbeddedPostgresServer embedded;
  private final String description;
  private final PgConnectOptions options;
  private final PostmasterWatch watch;

  private Database(Pool pool, EmbeddedPostgresServer embedded, String description, PgConnectOptions options) {
    this.pool = pool;
    this.watch = embedded == null ? null : PostmasterWatch.start(embedded, WATCH_INTERVAL);
    this.options = options;
    this.embedded = embedded;
    this.description = description;
  }

  /**
   * Connects to {@code databaseUrl}, or starts the embedded PostgreSQL under {@code dataDir} when it
   * is null, with the data dir's {@link DatabaseSecret} as its password; the embedded one is watched
   * and started again when its process dies.
   */
  public static Database open(Vertx vertx, String databaseUrl, Path dataDir) {
    if (databaseUrl == null) {
      String secret = DatabaseSecret.readOrCreate(dataDir);
      EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start(embeddedDataDir(dataDir),
          DatabaseSecret.file(dataDir), secret);
      PgConnectOptions options = new PgConnectOptions().setHost(EmbeddedPostgresServer.HOST)
          .setPort(embedded.port()).setDatabase("postgres").setUser(EmbeddedPostgresServer.USER).setPassword(secret);
      Database database = new Database(pool(vertx, options), embedded, "embedded PostgreSQL in " + embedded.dataDir(),
          options);
      database.checkAtStart();
      return database;
    }
    PgConnectOptions options = parse(databaseUrl);
    String where = options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    Database database = new Database(pool(vertx, options), null, "PostgreSQL at " + where, options);
    database.checkAtStart();
    return database;
  }

  /** Where the embedded PostgreSQL keeps its files in the data dir {@code dataDir}. */
  static Path embeddedDataDir(Path dataDir) {
    return dataDir.resolve("postgres");
  }

  private static PgConnectOptions parse(String databaseUrl) {
    try {
      return PgConnectOptions.fromUri(databaseUrl);
    } catch (RuntimeException e) {
      throw new DatabaseUnavailable("--database-url is not a PostgreSQL URL such as postgresql://user:password@host:5432/db: "
          + e.getMessage());
    }
  }

  /** Prepared statements kept per connection: every statement the stores run, with room to spare. */
  private static final int PREPARED_CACHE = 512;

  private static Pool pool(Vertx vertx, PgConnectOptions options) {
    // Each statement is parsed and planned once per connection, not on every poll. A pooler in
    // transaction mode in front of PostgreSQL must keep prepared statements per connection too.
    options.setReconnectAttempts(0).setCachePreparedStatements(true).setPreparedStatementCacheMaxSize(PREPARED_CACHE);
    return PgBuilder.pool()
        .with(new PoolOptions().setMaxSize(POOL_SIZE))
        .with(new NetClientOptions().setConnectTimeout(CONNECT_TIMEOUT_MS))
        .connectingTo(options)
        .using(vertx)
        .build();
  }

  private void checkAtStart() {
    try {
      Futures.await(pool.query("SELECT 1").execute());
    } catch (RuntimeException e) {
      close();
      throw new DatabaseUnavailable("cannot connect to " + description + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Future<Void> check() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  public Pool pool() {
    return pool;
  }

  /** How to open a connection of one's own, as a listener for notifications does. */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions(options);
  }

  /**
   * The database's URL without its password, such as a second node would be given with {@code
   * --database-url}; for the embedded PostgreSQL, its loopback port (its password is in the data
   * dir's {@code database.secret}).
   */
  public String url() {
    return "postgresql://" + options.getUser() + "@" + options.getHost() + ":" + options.getPort() + "/"
        + options.getDatabase();
  }

  /** How a JDBC client, such as the schema migrations, reaches this database. */
  public JdbcTarget jdbcTarget() {
    return jdbcTarget(options);
  }

  /** How a JDBC client reaches the database at {@code databaseUrl}, a URL as {@code --database-url} takes. */
  public static JdbcTarget jdbcTarget(String databaseUrl) {
    return jdbcTarget(parse(databaseUrl));
  }

  /** How often the embedded PostgreSQL was found dead and started again; 0 for an external database. */
  public long restarts() {
    return watch == null ? 0 : watch.restarts();
  }

  private static JdbcTarget jdbcTarget(PgConnectOptions options) {
    String url = "jdbc:postgresql://" + options.getHost() + ":" + options.getPort() + "/" + options.getDatabase();
    if (options.getSslMode() != null) {
      url += "?sslmode=" + options.getSslMode().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
    return new JdbcTarget(url, options.getUser(), options.getPassword());
  }

  /** A JDBC URL with its user and password (null when none is needed). */
  public record JdbcTarget(String url, String user, String password) {}

  /** Where the data lives, for the start-up banner. */
  public String description() {
    return description;
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    Futures.await(pool.close());
    if (embedded != null) {
      embedded.close();
    }
  }
}

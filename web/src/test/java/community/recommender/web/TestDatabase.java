package community.recommender.web;

import community.recommender.web.auth.PgTokenStore;
import community.recommender.web.auth.Role;
import community.recommender.web.database.Futures;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A real PostgreSQL of the test's own, which a server uses as its external database and the test
 * reaches directly: to make tokens before the token API exists, and to set up history.
 */
final class TestDatabase implements AutoCloseable {
  private final EmbeddedPostgres postgres;
  private final Vertx vertx;
  private final Pool pool;

  private TestDatabase(EmbeddedPostgres postgres, Vertx vertx, Pool pool) {
    this.postgres = postgres;
    this.vertx = vertx;
    this.pool = pool;
  }

  static TestDatabase start(Path dataDir) {
    try {
      EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(dataDir).start();
      Vertx vertx = Vertx.vertx();
      Pool pool = PgBuilder.pool().connectingTo(new PgConnectOptions().setHost("localhost")
          .setPort(postgres.getPort()).setDatabase("postgres").setUser("postgres")).using(vertx).build();
      return new TestDatabase(postgres, vertx, pool);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The URL a server connects with. */
  String url() {
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  Pool pool() {
    return pool;
  }

  /** A new token of {@code role}, limited to {@code groups} unless empty. */
  String token(Role role, List<String> groups) {
    return Futures.await(new PgTokenStore(pool).create(role, groups, "test " + role)).token();
  }

  /** Runs one statement, waiting for it. */
  void execute(String sql, Tuple arguments) {
    Futures.await(pool.preparedQuery(sql).execute(arguments));
  }

  @Override
  public void close() throws IOException {
    Futures.await(pool.close());
    Futures.await(vertx.close());
    postgres.close();
  }
}

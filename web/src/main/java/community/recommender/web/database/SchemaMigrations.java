package community.recommender.web.database;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Brings the schema up to date from the versioned SQL files in {@code db/migration}.
 *
 * <p>Each file runs once, in its own transaction, under an advisory lock so that several nodes
 * starting together against one database apply it exactly once.
 */
public final class SchemaMigrations {
  /** The migrations in order; a new file is appended here and never edited once released. */
  static final List<String> FILES = List.of(
      "V1__foundation.sql",
      "V2__suggestion_history.sql",
      "V3__content_library.sql");

  private static final long LOCK_KEY = 0x636f6d6d756e6974L;

  private SchemaMigrations() {}

  /** Applies every migration the database has not seen; answers how many ran. */
  public static int apply(Pool pool) {
    Futures.await(pool.query("""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            file       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())""").execute());
    int applied = 0;
    for (int i = 0; i < FILES.size(); i++) {
      int version = i + 1;
      String file = FILES.get(i);
      String sql = read(file);
      boolean ran = Futures.await(pool.withTransaction(conn -> applyOnce(conn, version, file, sql)));
      applied += ran ? 1 : 0;
    }
    return applied;
  }

  private static Future<Boolean> applyOnce(SqlConnection conn, int version, String file, String sql) {
    return conn.preparedQuery("SELECT pg_advisory_xact_lock($1)").execute(Tuple.of(LOCK_KEY))
        .compose(locked -> conn.preparedQuery("SELECT 1 FROM schema_migrations WHERE version = $1")
            .execute(Tuple.of(version)))
        .compose(seen -> {
          if (seen.size() > 0) {
            return Future.succeededFuture(false);
          }
          return conn.query(sql).execute()
              .compose(done -> conn.preparedQuery("INSERT INTO schema_migrations (version, file) VALUES ($1, $2)")
                  .execute(Tuple.of(version, file)))
              .map(true);
        });
  }

  private static String read(String file) {
    try (InputStream in = SchemaMigrations.class.getResourceAsStream("/db/migration/" + file)) {
      if (in == null) {
        throw new IllegalStateException("migration missing from the jar: " + file);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

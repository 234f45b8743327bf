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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings the schema up to date from the versioned SQL files in {@code db/migration}.
 *
 * <p>Each file runs once, in its own transaction, under an advisory lock so that several nodes
 * starting together against one database apply it exactly once.
 */
public final class SchemaMigrations {
  /**
   * The migrations in order; a new file is added here and never edited once released. Each
   * file's version is the number in its name ({@code V4__groups.sql} is version 4).
   */
  static final List<String> FILES = List.of(
      "V1__foundation.sql",
      "V2__suggestion_history.sql",
      "V3__content_library.sql",
      "V4__groups.sql",
      "V5__decision_explanations.sql",
      "V6__delivery.sql");

  private static final long LOCK_KEY = 0x636f6d6d756e6974L;
  private static final Pattern FILE_NAME = Pattern.compile("V(\\d+)__\\w+\\.sql");

  private SchemaMigrations() {}

  /** Applies every migration the database has not seen; answers how many ran. */
  public static int apply(Pool pool) {
    Futures.await(pool.query("""
        CREATE TABLE IF NOT EXISTS schema_migrations (
            version    integer PRIMARY KEY,
            file       text        NOT NULL,
            applied_at timestamptz NOT NULL DEFAULT now())""").execute());
    int applied = 0;
    for (String file : FILES) {
      int version = versionOf(file);
      String sql = read(file);
      boolean ran = Futures.await(pool.withTransaction(conn -> applyOnce(conn, version, file, sql)));
      applied += ran ? 1 : 0;
    }
    return applied;
  }

  /** The version a file name carries: {@code V12__name.sql} is version 12. */
  static int versionOf(String file) {
    Matcher name = FILE_NAME.matcher(file);
    if (!name.matches()) {
      throw new IllegalStateException("migration file names look like V12__what_it_does.sql, not " + file);
    }
    return Integer.parseInt(name.group(1));
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

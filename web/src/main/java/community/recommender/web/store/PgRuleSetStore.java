package community.recommender.web.store;

import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleSource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/** Every rule set that was ever activated, so that any of them is one rollback away. */
public final class PgRuleSetStore {
  private final Pool pool;

  public PgRuleSetStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * The version under which {@code rules} are recorded: the latest version when it has the same
   * content, or a new version otherwise.
   */
  public Future<Long> record(CompiledRules rules, String author) {
    JsonObject files = new JsonObject();
    for (RuleSource source : rules.sources()) {
      files.put(source.file(), source.text());
    }
    return pool.withTransaction(conn -> conn
        .query("LOCK TABLE rule_sets IN EXCLUSIVE MODE").execute()
        .compose(locked -> conn.query("SELECT version, content_hash FROM rule_sets ORDER BY version DESC LIMIT 1")
            .execute())
        .compose(latest -> {
          if (latest.size() > 0 && latest.iterator().next().getString("content_hash").equals(rules.contentHash())) {
            return Future.succeededFuture(latest.iterator().next().getLong("version"));
          }
          return conn.preparedQuery(
                  "INSERT INTO rule_sets (content_hash, files, author) VALUES ($1, $2, $3) RETURNING version")
              .execute(Tuple.of(rules.contentHash(), files, author))
              .map(rows -> rows.iterator().next().getLong("version"));
        }));
  }
}

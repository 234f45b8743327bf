package community.recommender.web.store.pg;

import community.recommender.web.store.RuleSetStore;

import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleSource;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every rule set that was ever activated, so that any of them is one rollback away. */
public final class PgRuleSetStore implements RuleSetStore {
  private final Pool pool;

  public PgRuleSetStore(Pool pool) {
    this.pool = pool;
  }

  /**
   * The version under which {@code rules} are recorded: the latest version when it has the same
   * content, or a new version otherwise.
   */
  @Override
  public Future<Long> record(CompiledRules rules, String author, String note) {
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
                  "INSERT INTO rule_sets (content_hash, files, author, note) VALUES ($1, $2, $3, $4) RETURNING version")
              .execute(Tuple.of(rules.contentHash(), files, author, note))
              .map(rows -> rows.iterator().next().getLong("version"));
        }));
  }

  /** Every recorded version, newest first, without the file texts. */
  @Override
  public Future<List<Version>> list() {
    return pool.query("SELECT version, content_hash, author, created_at, note, files FROM rule_sets ORDER BY version DESC")
        .execute()
        .map(rows -> {
          List<Version> versions = new ArrayList<>();
          rows.forEach(row -> versions.add(toVersion(row)));
          return versions;
        });
  }

  /** One version with its files, or empty when there is no such version. */
  @Override
  public Future<Optional<Version>> find(long version) {
    return pool.preparedQuery(
            "SELECT version, content_hash, author, created_at, note, files FROM rule_sets WHERE version = $1")
        .execute(Tuple.of(version))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toVersion(rows.iterator().next())));
  }

  /** Whether a set with {@code contentHash} was ever recorded. */
  @Override
  public Future<Boolean> wasRecorded(String contentHash) {
    return pool.preparedQuery("SELECT 1 FROM rule_sets WHERE content_hash = $1 LIMIT 1").execute(Tuple.of(contentHash))
        .map(rows -> rows.size() > 0);
  }

  /** The newest recorded version with its files, or empty before the first. */
  @Override
  public Future<Optional<Version>> newest() {
    return pool.query(
            "SELECT version, content_hash, author, created_at, note, files FROM rule_sets ORDER BY version DESC LIMIT 1")
        .execute()
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toVersion(rows.iterator().next())));
  }

  private static Version toVersion(Row row) {
    JsonObject files = row.getJsonObject("files");
    Map<String, String> texts = new TreeMap<>();
    files.forEach(entry -> texts.put(entry.getKey(), String.valueOf(entry.getValue())));
    return new Version(row.getLong("version"), row.getString("content_hash"), row.getString("author"),
        row.getOffsetDateTime("created_at").toInstant(), row.getString("note"), texts);
  }


}

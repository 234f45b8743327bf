package community.recommender.web.store;

import community.recommender.content.format.ContentItemJson;
import community.recommender.engine.model.ContentItem;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The content library's source of truth: every item, and every version of it, in PostgreSQL. */
public final class PgContentStore {
  private final Pool pool;

  public PgContentStore(Pool pool) {
    this.pool = pool;
  }

  /** Stores {@code item} as a new item or as the next version of an existing one; answers the stored item. */
  public Future<ContentItem> save(ContentItem item) {
    return pool.withTransaction(conn -> conn
        .preparedQuery("SELECT version FROM content_items WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(item.getId()))
        .compose(rows -> {
          int version = rows.size() == 0 ? 1 : rows.iterator().next().getInteger("version") + 1;
          ContentItem stored = item.toBuilder().version(version).build();
          JsonObject document = new JsonObject(ContentItemJson.toJson(stored));
          return conn.preparedQuery("""
                  INSERT INTO content_items (id, version, kind, status, document) VALUES ($1, $2, $3, $4, $5)
                  ON CONFLICT (id) DO UPDATE SET version = excluded.version, kind = excluded.kind,
                      status = excluded.status, document = excluded.document,
                      change_seq = nextval('content_changes'), updated_at = now()""")
              .execute(Tuple.of(stored.getId(), version, stored.getKind().name(),
                  stored.getStatus().name().toLowerCase(Locale.ROOT), document))
              .compose(done -> conn.preparedQuery(
                      "INSERT INTO content_versions (id, version, document, author) VALUES ($1, $2, $3, $4)")
                  .execute(Tuple.of(stored.getId(), version, document, stored.getAuthor())))
              .map(stored);
        }));
  }

  /** Up to {@code limit} items changed after {@code sequence}, in change order. */
  public Future<List<Change>> changesAfter(long sequence, int limit) {
    return pool.preparedQuery("SELECT document, change_seq FROM content_items WHERE change_seq > $1 "
            + "ORDER BY change_seq LIMIT $2")
        .execute(Tuple.of(sequence, limit))
        .map(rows -> {
          List<Change> changes = new ArrayList<>();
          for (Row row : rows) {
            changes.add(new Change(ContentItemJson.fromJson(row.getJsonObject("document").encode()),
                row.getLong("change_seq")));
          }
          return changes;
        });
  }

  /** How many items there are, in any status. */
  public Future<Long> count() {
    return pool.query("SELECT count(*) FROM content_items").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  /** An item as it was at a change sequence number. */
  public record Change(ContentItem item, long sequence) {}
}

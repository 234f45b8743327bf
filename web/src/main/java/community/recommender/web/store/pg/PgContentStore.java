package community.recommender.web.store.pg;

import community.recommender.web.store.ContentStore;
import community.recommender.web.store.ExpectedVersion;
import community.recommender.web.store.StaleVersion;

import community.recommender.content.format.ContentFormatException;
import community.recommender.content.format.ContentItemJson;
import community.recommender.content.format.Fault;
import community.recommender.content.upload.MediaFile;
import community.recommender.content.upload.UploadedItem;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.MediaAttachment;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The content library's source of truth: every item, every version of it, and its images, in PostgreSQL.
 *
 * <p>Each write takes a transaction-level advisory lock before it draws its change number, so
 * change numbers become visible in the order they were drawn. The index catches up by asking for
 * everything after the last number it saw; without the lock, a slow transaction could commit a
 * lower number after a higher one had been indexed, and its change would be skipped.
 */
public final class PgContentStore implements ContentStore {
  private static final long WRITE_LOCK = 0x636f6e74656e7431L;

  private final Pool pool;
  private final Clock clock;

  public PgContentStore(Pool pool, Clock clock) {
    this.pool = pool;
    this.clock = clock;
  }

  /** Stores {@code item} as a new item or as the next version of an existing one; answers the stored item. */
  @Override
  public Future<ContentItem> save(ContentItem item) {
    return saveAll(List.of(new UploadedItem(item, List.of())), item.getAuthor()).map(saved -> saved.get(0).item());
  }

  /**
   * Stores {@code items} and their images in one transaction: all of them, or, when one names an
   * image that is neither among its files nor stored already, none of them.
   */
  @Override
  public Future<List<Saved>> saveAll(List<UploadedItem> items, String changedBy) {
    return saveAll(items, changedBy, null);
  }

  @Override
  public Future<List<Saved>> saveAll(List<UploadedItem> items, String changedBy, ExpectedVersion expected) {
    Instant now = clock.instant();
    return pool.withTransaction(conn -> conn.preparedQuery("SELECT pg_advisory_xact_lock($1)")
        .execute(Tuple.of(WRITE_LOCK))
        .compose(locked -> {
          Future<List<Saved>> chain = Future.succeededFuture(new ArrayList<>());
          for (UploadedItem item : items) {
            chain = chain.compose(saved -> saveOne(conn, item, changedBy, expected, now).map(one -> {
              saved.add(one);
              return saved;
            }));
          }
          return chain;
        }));
  }

  private Future<Saved> saveOne(SqlConnection conn, UploadedItem uploaded, String changedBy, ExpectedVersion expected,
      Instant now) {
    ContentItem item = uploaded.item();
    return conn.preparedQuery("SELECT document, created_at FROM content_items WHERE id = $1 FOR UPDATE")
        .execute(Tuple.of(item.getId()))
        .compose(rows -> {
          boolean created = rows.size() == 0;
          Row row = created ? null : rows.iterator().next();
          ContentItem existing = created ? null : ContentItemJson.fromStored(row.getJsonObject("document").encode());
          if (expected != null && !expected.admits(created ? null : existing.getVersion())) {
            return Future.failedFuture(new StaleVersion(created ? "there is no content item '" + item.getId() + "'"
                : "content item '" + item.getId() + "' is at version " + existing.getVersion()
                    + ", not the one If-Match names; read it again and reapply the change"));
          }
          int version = created ? 1 : existing.getVersion() + 1;
          Instant createdAt = created ? now : row.getOffsetDateTime("created_at").toInstant();
          ContentItem stored = item.toBuilder().version(version).createdAt(createdAt).updatedAt(now).build();
          return checkMedia(conn, stored, uploaded.media()).compose(withTypes -> {
            if (created) {
              return write(conn, withTypes, true, changedBy, now);
            }
            return isSameAs(conn, withTypes, uploaded.media(), existing).compose(same -> same
                ? Future.succeededFuture((ContentItem) null)
                : write(conn, withTypes, false, changedBy, now));
          }).compose(written -> written == null ? Future.succeededFuture(new Saved(existing, false, false))
              : storeMedia(conn, written.getId(), uploaded.media()).map(new Saved(written, created, true)));
        });
  }

  /** Whether {@code candidate} and its arriving images are what {@code existing} already holds. */
  private static Future<Boolean> isSameAs(SqlConnection conn, ContentItem candidate, List<MediaFile> arriving,
      ContentItem existing) {
    ContentItem asExisting = candidate.toBuilder().version(existing.getVersion()).createdAt(existing.getCreatedAt())
        .updatedAt(existing.getUpdatedAt()).build();
    if (!new JsonObject(ContentItemJson.toJson(asExisting)).equals(new JsonObject(ContentItemJson.toJson(existing)))) {
      return Future.succeededFuture(false);
    }
    if (arriving.isEmpty()) {
      return Future.succeededFuture(true);
    }
    return conn.preparedQuery("SELECT name, media_type, sha256 FROM content_media WHERE item_id = $1")
        .execute(Tuple.of(existing.getId()))
        .map(rows -> {
          Set<String> stored = new HashSet<>();
          for (Row row : rows) {
            stored.add(row.getString("name") + "\n" + row.getString("media_type") + "\n" + row.getString("sha256"));
          }
          return arriving.stream().allMatch(file -> stored.contains(file.name() + "\n" + file.mediaType() + "\n"
              + sha256(file.bytes())));
        });
  }

  /** The item with every image's type known, or a failure naming the first image that is nowhere. */
  private static Future<ContentItem> checkMedia(SqlConnection conn, ContentItem item, List<MediaFile> arriving) {
    if (item.getMedia().isEmpty()) {
      return Future.succeededFuture(item);
    }
    return conn.preparedQuery("SELECT name, media_type FROM content_media WHERE item_id = $1")
        .execute(Tuple.of(item.getId()))
        .map(rows -> {
          List<MediaAttachment> known = new ArrayList<>();
          for (MediaAttachment attachment : item.getMedia()) {
            Optional<String> type = arriving.stream().filter(m -> m.name().equals(attachment.name()))
                .map(MediaFile::mediaType).findFirst();
            if (type.isEmpty()) {
              for (Row row : rows) {
                if (row.getString("name").equals(attachment.name())) {
                  type = Optional.of(row.getString("media_type"));
                }
              }
            }
            known.add(new MediaAttachment(attachment.name(), type.orElseThrow(() -> new ContentFormatException(
                Fault.INVALID, "media", 0, "item '" + item.getId() + "' names the image '" + attachment.name()
                + "', which is neither in this upload nor stored with the item"))));
          }
          return item.toBuilder().media(known).build();
        });
  }

  private static Future<ContentItem> write(SqlConnection conn, ContentItem item, boolean created, String changedBy,
      Instant now) {
    JsonObject document = new JsonObject(ContentItemJson.toJson(item));
    OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    return conn.preparedQuery("""
            INSERT INTO content_items (id, version, kind, status, document, created_at, updated_at, created_by,
                updated_by)
            VALUES ($1, $2, $3, $4, $5, $6, $6, $7, $7)
            ON CONFLICT (id) DO UPDATE SET version = excluded.version, kind = excluded.kind,
                status = excluded.status, document = excluded.document,
                change_seq = nextval('content_changes'), updated_at = excluded.updated_at,
                updated_by = excluded.updated_by""")
        .execute(Tuple.tuple(List.of(item.getId(), item.getVersion(), item.getKind().name(),
            item.getStatus().name().toLowerCase(Locale.ROOT), document, at, changedBy == null ? "" : changedBy)))
        .compose(done -> conn.preparedQuery("""
                INSERT INTO content_versions (id, version, document, author, created_at, changed_by)
                VALUES ($1, $2, $3, $4, $5, $6)""")
            .execute(Tuple.tuple(java.util.Arrays.asList(item.getId(), item.getVersion(), document, item.getAuthor(),
                at, changedBy))))
        .map(item);
  }

  private static Future<Void> storeMedia(SqlConnection conn, String itemId, List<MediaFile> media) {
    Future<Void> chain = Future.succeededFuture();
    Set<String> names = new HashSet<>();
    for (MediaFile file : media) {
      if (!names.add(file.name())) {
        continue;
      }
      chain = chain.compose(done -> conn.preparedQuery("""
              INSERT INTO content_media (item_id, name, media_type, bytes, sha256) VALUES ($1, $2, $3, $4, $5)
              ON CONFLICT (item_id, name) DO UPDATE SET media_type = excluded.media_type, bytes = excluded.bytes,
                  sha256 = excluded.sha256, created_at = now()""")
          .execute(Tuple.of(itemId, file.name(), file.mediaType(), Buffer.buffer(file.bytes()), sha256(file.bytes())))
          .mapEmpty());
    }
    return chain;
  }

  /** The current version of the item with {@code id}. */
  @Override
  public Future<Optional<ContentItem>> find(String id) {
    return pool.preparedQuery("SELECT document FROM content_items WHERE id = $1").execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? Optional.empty()
            : Optional.of(ContentItemJson.fromStored(rows.iterator().next().getJsonObject("document").encode())));
  }

  @Override
  public Future<Optional<Saved>> archive(String id, String changedBy, ExpectedVersion expected) {
    return find(id).compose(found -> {
      if (found.isEmpty()) {
        return Future.succeededFuture(Optional.empty());
      }
      ContentItem archived = found.get().toBuilder().status(ContentStatus.ARCHIVED).build();
      return saveAll(List.of(new UploadedItem(archived, List.of())), changedBy, expected)
          .map(saved -> Optional.of(saved.get(0)));
    });
  }

  /** Every version of the item with {@code id}, newest first; empty when there is no such item. */
  @Override
  public Future<List<Version>> versions(String id) {
    return pool.preparedQuery("SELECT document, created_at, changed_by FROM content_versions WHERE id = $1 "
            + "ORDER BY version DESC")
        .execute(Tuple.of(id))
        .map(rows -> {
          List<Version> versions = new ArrayList<>();
          for (Row row : rows) {
            versions.add(new Version(ContentItemJson.fromStored(row.getJsonObject("document").encode()),
                row.getOffsetDateTime("created_at").toInstant(), row.getString("changed_by")));
          }
          return versions;
        });
  }

  /** The image {@code name} of the item with {@code itemId}. */
  @Override
  public Future<Optional<MediaFile>> media(String itemId, String name) {
    return pool.preparedQuery("SELECT media_type, bytes FROM content_media WHERE item_id = $1 AND name = $2")
        .execute(Tuple.of(itemId, name))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          return Optional.of(new MediaFile(name, row.getString("media_type"), row.getBuffer("bytes").getBytes()));
        });
  }

  /** Up to {@code limit} items changed after {@code sequence}, in change order. */
  @Override
  public Future<List<Change>> changesAfter(long sequence, int limit) {
    return pool.preparedQuery("SELECT document, change_seq FROM content_items WHERE change_seq > $1 "
            + "ORDER BY change_seq LIMIT $2")
        .execute(Tuple.of(sequence, limit))
        .map(rows -> {
          List<Change> changes = new ArrayList<>();
          for (Row row : rows) {
            changes.add(new Change(ContentItemJson.fromStored(row.getJsonObject("document").encode()),
                row.getLong("change_seq")));
          }
          return changes;
        });
  }

  /** How many items there are, in any status. */
  @Override
  public Future<Long> count() {
    return pool.query("SELECT count(*) FROM content_items").execute().map(rows -> rows.iterator().next().getLong(0));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }






}

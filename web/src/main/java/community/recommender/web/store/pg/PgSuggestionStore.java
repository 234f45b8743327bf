package community.recommender.web.store.pg;

import community.recommender.web.store.SuggestionStore;

import community.recommender.content.format.ContentItemJson;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.PendingSuggestion;
import community.recommender.web.store.ChangeNotices;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Suggestions handed to groups, with what became of them; each group has at most one pending.
 *
 * <p>A suggestion is {@code pending} until a bot claims it ({@code delivered}) or it is
 * {@code superseded}: it expired, or new activity, content or rules overtook it. The claim is a
 * conditional update, so that of any number of pollers on any number of nodes exactly one wins.
 */
public final class PgSuggestionStore implements SuggestionStore {
  private static final String AFFECTED_BY_CONTENT = """
      WITH targets AS (SELECT lower(split_part(t.language, '-', 1)) AS language, t.regions
          FROM jsonb_to_recordset($4::jsonb) AS t(language text, regions text[])),
      affected AS (SELECT g.id FROM groups g WHERE g.archived_at IS NULL AND (
          EXISTS (SELECT 1 FROM suggestions s WHERE s.group_id = g.id AND s.state = 'pending'
            AND s.content_id = ANY($3))
          OR EXISTS (SELECT 1 FROM targets t
            WHERE t.language = lower(split_part(coalesce(g.portrait ->> 'language', 'zh'), '-', 1))
              AND (cardinality(t.regions) = 0 OR EXISTS (SELECT 1 FROM unnest(t.regions) r
                WHERE g.portrait ->> 'region' = r OR starts_with(g.portrait ->> 'region', r || '-')))))),
      superseded AS (UPDATE suggestions SET state = 'superseded', superseded_at = $1, superseded_because = $2
          WHERE state = 'pending' AND group_id IN (SELECT id FROM affected))
      SELECT id FROM affected""";

  private final Pool pool;
  private final PgChangeNotices notices;
  private final Clock clock;

  /** Times of claims and supersessions are read from {@code clock}, the same clock decisions read. */
  public PgSuggestionStore(Pool pool, PgChangeNotices notices, Clock clock) {
    this.pool = pool;
    this.notices = notices;
    this.clock = clock;
  }

  /** The group's pending suggestion, with its explanation, if there is one. */
  @Override
  public Future<Optional<PendingSuggestion>> pending(String groupId) {
    return pool.preparedQuery("SELECT * FROM suggestions WHERE group_id = $1 AND state = 'pending'")
        .execute(Tuple.of(groupId))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          JsonObject explanation = row.getJsonObject("explanation");
          return Optional.of(new PendingSuggestion(toSuggestion(row),
              explanation == null ? new JsonObject() : explanation));
        });
  }

  /** Everything suggested to the group since {@code since}, for the rules to read, as seen at {@code now}. */
  @Override
  public Future<List<PastSuggestion>> history(String groupId, Instant since, Instant now) {
    return pool.preparedQuery("""
            SELECT content_id, kind, content -> 'tags' AS tags, created_at, delivered_at IS NOT NULL AS delivered,
                   outcome, posted_at
            FROM suggestions WHERE group_id = $1 AND created_at > $2 ORDER BY created_at""")
        .execute(Tuple.of(groupId, PgGroupStore.utc(since)))
        .map(rows -> {
          List<PastSuggestion> past = new ArrayList<>();
          for (Row row : rows) {
            JsonArray tags = (JsonArray) row.getValue("tags");
            List<String> tagList = new ArrayList<>();
            if (tags != null) {
              tags.forEach(tag -> tagList.add(String.valueOf(tag)));
            }
            String outcome = row.getString("outcome");
            OffsetDateTime postedAt = row.getOffsetDateTime("posted_at");
            past.add(new PastSuggestion(row.getString("content_id"), ContentKind.valueOf(row.getString("kind")), tagList,
                row.getOffsetDateTime("created_at").toInstant(), row.getBoolean("delivered"),
                outcome == null ? Outcome.PENDING : Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                postedAt == null ? null : postedAt.toInstant(), now));
          }
          return past;
        });
  }

  /** Claims suggestion $1 for bot token $2 at $3 and announces it on channel $4 with prefix $5. */
  static final String CLAIM = claimOnlyIf("TRUE");

  /**
   * {@link #CLAIM}, claiming only if {@code condition} (an SQL expression, which may use parameters
   * from $6 on) holds when the statement runs.
   */
  static String claimOnlyIf(String condition) {
    return """
        WITH claimed AS (
          UPDATE suggestions SET state = 'delivered', delivered_at = $3, delivered_to = $2
          WHERE id = $1 AND state = 'pending' AND %s RETURNING group_id)
        SELECT group_id, pg_notify($4, $5 || group_id) FROM claimed""".formatted(condition);
  }

  /**
   * Hands the pending suggestion {@code id} to the bot token {@code tokenId} and announces it, in one
   * statement; answers false when it is no longer pending (another poller, on any node, claimed it
   * first, or it was superseded).
   */
  @Override
  public Future<Boolean> claim(String id, String tokenId) {
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(UUID.fromString(id), UUID.fromString(tokenId), PgGroupStore.utc(clock.instant()),
            PgChangeNotices.CHANNEL, notices.payloadPrefix()))
        .map(rows -> {
          if (rows.size() == 0) {
            return false;
          }
          notices.tellThisNode(rows.iterator().next().getString(0));
          return true;
        });
  }

  /**
   * Supersedes the group's pending suggestion, so that its next poll decides anew, and announces it.
   * Call this after anything a decision reads changes for one group: an activity report, its
   * portrait, its removal.
   */
  @Override
  public Future<Void> supersedePending(String groupId, String because) {
    return Supersede.OF_GROUP.run(pool, clock.instant(), because, groupId)
        .compose(done -> notices.announce(groupId));
  }

  /** Supersedes the pending suggestions of {@code groupIds} at once, and announces it to those groups. */
  @Override
  public Future<Void> supersedePending(List<String> groupIds, String because) {
    if (groupIds.isEmpty()) {
      return Future.succeededFuture();
    }
    return Supersede.OF_GROUPS.run(pool, clock.instant(), because, (Object) groupIds.toArray(String[]::new))
        .compose(done -> notices.announce(groupIds));
  }

  /**
   * Supersedes the pending suggestions of the groups a change to {@code items} may affect, and
   * announces it to those groups only; answers how many groups that was. A group is affected when its
   * pending suggestion is one of the items (an edit, a withdrawal or an archive must not be handed
   * out as it was), or when a published item may now be retrieved for it: the item is in the group's
   * primary language and made for anywhere or for a region containing the group's. Other groups'
   * decisions could not change, since retrieval filters on status, language and region.
   */
  @Override
  public Future<Integer> supersedePendingAffectedBy(List<ContentItem> items, String because) {
    if (items.isEmpty()) {
      return Future.succeededFuture(0);
    }
    JsonArray targets = new JsonArray();
    items.stream().filter(item -> item.getStatus() == ContentStatus.PUBLISHED).forEach(item -> targets.add(
        new JsonObject().put("language", item.getLanguage()).put("regions", new JsonArray(item.getRegions()))));
    String[] ids = items.stream().map(ContentItem::getId).distinct().toArray(String[]::new);
    return pool.preparedQuery(AFFECTED_BY_CONTENT)
        .execute(Tuple.of(PgGroupStore.utc(clock.instant()), because).addArrayOfString(ids).addValue(targets))
        .compose(rows -> {
          List<String> affected = new ArrayList<>(rows.size());
          rows.forEach(row -> affected.add(row.getString(0)));
          return notices.announce(affected).map(affected.size());
        });
  }

  /** How many groups have a pending suggestion, across every node. */
  @Override
  public Future<Long> countPending() {
    return pool.query("SELECT count(*) FROM suggestions WHERE state = 'pending'").execute()
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** The reasons as stored: an array of {rule, message}. */
  static JsonArray reasons(List<Reason> reasons) {
    JsonArray array = new JsonArray();
    reasons.forEach(r -> array.add(new JsonObject().put("rule", r.rule()).put("message", r.message())));
    return array;
  }

  private static Suggestion toSuggestion(Row row) {
    List<Reason> reasons = new ArrayList<>();
    JsonArray array = (JsonArray) row.getValue("reasons");
    for (int i = 0; i < array.size(); i++) {
      JsonObject reason = array.getJsonObject(i);
      reasons.add(new Reason(reason.getString("rule"), reason.getString("message")));
    }
    return new Suggestion(
        row.getUUID("id").toString(),
        row.getString("group_id"),
        ContentItemJson.fromStored(row.getJsonObject("content").encode()),
        row.getDouble("score"),
        reasons,
        row.getLong("rule_set_version"),
        row.getOffsetDateTime("created_at").toInstant());
  }
}

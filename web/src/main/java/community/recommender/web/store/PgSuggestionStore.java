package community.recommender.web.store;

import community.recommender.content.format.ContentItemJson;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.decision.SuggestionAnswer;
import community.recommender.web.json.SuggestionJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Suggestions handed to groups, with what became of them; each group has at most one pending. */
public final class PgSuggestionStore {
  private final Pool pool;

  public PgSuggestionStore(Pool pool) {
    this.pool = pool;
  }

  /** The group's pending suggestion, with its explanation, if there is one. */
  public Future<Optional<SuggestionAnswer.Suggested>> pending(String groupId) {
    return pool.preparedQuery("SELECT * FROM suggestions WHERE group_id = $1 AND state = 'pending'")
        .execute(Tuple.of(groupId))
        .map(rows -> {
          if (rows.size() == 0) {
            return Optional.empty();
          }
          Row row = rows.iterator().next();
          JsonObject explanation = row.getJsonObject("explanation");
          return Optional.of(new SuggestionAnswer.Suggested(toSuggestion(row),
              explanation == null ? new JsonObject() : explanation));
        });
  }

  /** Everything suggested to the group since {@code since}, for the rules to read, as seen at {@code now}. */
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

  /**
   * Makes {@code suggestion} the group's pending one, superseding a pending suggestion made by an
   * older rule set.
   *
   * <p>When another request or node made a pending suggestion with the same rules meanwhile, the
   * unique index keeps theirs, and this answers theirs: a group never has two, and concurrent
   * pollers all get the same one.
   */
  public Future<SuggestionAnswer.Suggested> replacePending(Suggestion suggestion, JsonObject explanation) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("UPDATE suggestions SET state = 'superseded' "
                + "WHERE group_id = $1 AND state = 'pending' AND rule_set_version <> $2")
            .execute(Tuple.of(suggestion.groupId(), suggestion.ruleSetVersion()))
            .compose(done -> conn.preparedQuery("""
                    INSERT INTO suggestions (id, group_id, content_id, kind, content, score, reasons,
                        rule_set_version, created_at, explanation)
                    VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9, $10::jsonb)
                    ON CONFLICT (group_id) WHERE state = 'pending' DO NOTHING""")
                .execute(Tuple.wrap(List.of(UUID.fromString(suggestion.id()), suggestion.groupId(),
                    suggestion.content().getId(), suggestion.kind().name(),
                    ContentItemJson.toJson(suggestion.content()), suggestion.score(),
                    SuggestionJson.reasons(suggestion.reasons()).encode(), suggestion.ruleSetVersion(),
                    PgGroupStore.utc(suggestion.createdAt()), explanation.encode())))))
        .compose(inserted -> inserted.rowCount() == 1
            ? Future.succeededFuture(new SuggestionAnswer.Suggested(suggestion, explanation))
            : pending(suggestion.groupId()).map(theirs -> theirs.orElseThrow(() -> new IllegalStateException(
                "group " + suggestion.groupId() + " lost its pending suggestion while another was stored"))));
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
        ContentItemJson.fromJson(row.getJsonObject("content").encode()),
        row.getDouble("score"),
        reasons,
        row.getLong("rule_set_version"),
        row.getOffsetDateTime("created_at").toInstant());
  }
}

package community.recommender.web.store;

import community.recommender.content.format.ContentItemJson;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.json.SuggestionJson;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Suggestions handed to groups; each group has at most one pending. */
public final class PgSuggestionStore {
  private final Pool pool;

  public PgSuggestionStore(Pool pool) {
    this.pool = pool;
  }

  /** The group's pending suggestion, if there is one. */
  public Future<Optional<Suggestion>> pending(String groupId) {
    return pool.preparedQuery("SELECT * FROM suggestions WHERE group_id = $1 AND state = 'pending'")
        .execute(Tuple.of(groupId))
        .map(rows -> rows.size() == 0 ? Optional.empty() : Optional.of(toSuggestion(rows.iterator().next())));
  }

  /**
   * Makes {@code suggestion} the group's pending one, superseding any earlier pending suggestion.
   *
   * <p>When another node stored one for the same group in the meantime, the unique index
   * refuses the second and this answers the one that got there first.
   */
  public Future<Suggestion> replacePending(Suggestion suggestion) {
    return pool.withTransaction(conn -> conn
            .preparedQuery("UPDATE suggestions SET state = 'superseded' WHERE group_id = $1 AND state = 'pending'")
            .execute(Tuple.of(suggestion.groupId()))
            .compose(done -> conn.preparedQuery("""
                    INSERT INTO suggestions (id, group_id, content_id, kind, content, score, reasons,
                        rule_set_version, created_at)
                    VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7::jsonb, $8, $9)""")
                .execute(Tuple.wrap(List.of(UUID.fromString(suggestion.id()), suggestion.groupId(),
                    suggestion.content().getId(), suggestion.kind().name(),
                    ContentItemJson.toJson(suggestion.content()), suggestion.score(),
                    SuggestionJson.reasons(suggestion.reasons()).encode(), suggestion.ruleSetVersion(),
                    PgGroupStore.utc(suggestion.createdAt()))))))
        .map(suggestion);
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

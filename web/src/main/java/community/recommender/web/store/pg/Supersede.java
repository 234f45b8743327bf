package community.recommender.web.store.pg;

import io.vertx.core.Future;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The one way a pending suggestion stops being pending without being handed out: it is superseded,
 * at a time and for a reason, so that the group's next poll decides anew.
 */
enum Supersede {
  /** The pending suggestion of this group. */
  OF_GROUP("group_id = $3"),
  /** The pending suggestions of these groups. */
  OF_GROUPS("group_id = ANY($3)");

  private final String sql;

  Supersede(String which) {
    this.sql = "UPDATE suggestions SET state = 'superseded', superseded_at = $1, superseded_because = $2"
        + " WHERE state = 'pending' AND " + which;
  }

  /** Supersedes the pending suggestions picked by {@code key} through {@code client}. */
  Future<Void> run(SqlClient client, Instant at, String because, Object... key) {
    List<Object> values = new ArrayList<>(List.of(PgGroupStore.utc(at), because));
    values.addAll(Arrays.asList(key));
    return client.preparedQuery(sql).execute(Tuple.wrap(values)).mapEmpty();
  }
}

package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Tuple;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group's suggestion history over HTTP: newest first, paged by the last id seen, with what became of each. */
class GroupHistoryApiTest {
  private static final OffsetDateTime NOON = OffsetDateTime.ofInstant(TestServer.now(), ZoneOffset.UTC)
      .withHour(12).withMinute(0).withSecond(0).withNano(0);

  @RegisterExtension static final ServerPerClass server = ServerPerClass.onOwnDatabase();
  private static String operator;
  private static String bot;

  @BeforeAll
  static void start() {
    operator = server.token(Role.OPERATOR);
    bot = server.token(Role.BOT);
    for (String id : List.of("tea-club", "quiet-club")) {
      assertThat(server.put("/api/v1/groups/" + id, operator, "{\"name\": \"" + id + "\"}").statusCode()).isEqualTo(201);
    }
  }

  @Test
  void history_isNewestFirst_pagedWithoutRepeatsOrGaps_evenForSuggestionsDecidedAtTheSameInstant() {
    for (int hour = 0; hour < 5; hour++) {
      // The fourth and fifth were decided at the same instant: the id breaks the tie.
      store(UUID.randomUUID(), "tea-club", "item-" + hour, NOON.minusDays(1).plusHours(Math.min(hour, 3)));
    }
    List<String> seen = new ArrayList<>();
    String before = null;
    int pages = 0;
    do {
      JsonObject page = history("tea-club", "limit=1" + (before == null ? "" : "&before=" + before));
      page.getJsonArray("items").forEach(item -> seen.add(((JsonObject) item).getString("contentId")));
      before = page.getString("next");
      pages++;
    } while (before != null);

    assertThat(pages).isEqualTo(5);
    assertThat(seen).hasSize(5).doesNotHaveDuplicates().endsWith("item-2", "item-1", "item-0");
    assertThat(seen.subList(0, 2)).containsExactlyInAnyOrder("item-4", "item-3");
  }

  @Test
  void history_showsEachStepOfADecision_deliveredPostedMeasured_orWithdrawn() {
    UUID posted = UUID.randomUUID();
    UUID withdrawn = UUID.randomUUID();
    store(posted, "quiet-club", "spring-tea", NOON.minusDays(3));
    store(withdrawn, "quiet-club", "coupon", NOON.minusDays(2));
    server.database().execute("""
        UPDATE suggestions SET state = 'delivered', delivered_at = created_at + interval '5 minutes', outcome = 'posted',
            outcome_at = created_at + interval '1 hour', posted_at = created_at + interval '30 minutes',
            metrics = '{"reactions": 12, "replies": 3}'::jsonb, reward = 0.75
         WHERE id = $1""", Tuple.of(posted));
    server.database().execute("""
        UPDATE suggestions SET state = 'superseded', superseded_at = created_at + interval '2 hours',
            superseded_because = 'the portrait changed' WHERE id = $1""", Tuple.of(withdrawn));

    JsonArray items = history("quiet-club", "").getJsonArray("items");

    assertThat(items).hasSize(2);
    JsonObject first = items.getJsonObject(0);
    assertThat(first.getString("contentId")).isEqualTo("coupon");
    assertThat(first.getString("state")).isEqualTo("superseded");
    assertThat(first.getString("supersededBecause")).isEqualTo("the portrait changed");
    assertThat(first.containsKey("outcome")).isFalse();
    JsonObject second = items.getJsonObject(1);
    assertThat(second.getString("title")).isEqualTo("Title of spring-tea");
    assertThat(second.getString("outcome")).isEqualTo("posted");
    assertThat(second.getString("deliveredAt")).isEqualTo(NOON.minusDays(3).plusMinutes(5).toInstant().toString());
    assertThat(second.getJsonObject("metrics").getMap()).containsEntry("reactions", 12).containsEntry("replies", 3);
    assertThat(second.getDouble("reward")).isEqualTo(0.75);
    assertThat(history("quiet-club", "").containsKey("next")).isFalse();
  }

  @Test
  void history_refusesBadParameters_unknownGroups_andOtherRoles() {
    for (String query : List.of("before=yesterday", "limit=0", "limit=101", "limit=many", "since=2026-01-01")) {
      HttpResponse<String> response = server.get("/api/v1/groups/tea-club/suggestions?" + query, operator);
      assertThat(response.statusCode()).as(query).isEqualTo(422);
      assertThat(new JsonObject(response.body()).getJsonObject("error").getString("field")).as(query)
          .isEqualTo(query.substring(0, query.indexOf('=')));
    }
    assertThat(server.get("/api/v1/groups/no-such-club/suggestions", operator).statusCode()).isEqualTo(404);
    assertThat(server.get("/api/v1/groups/tea-club/suggestions", bot).statusCode()).isEqualTo(403);
    assertThat(server.get("/api/v1/groups/tea-club/suggestions", null).statusCode()).isEqualTo(401);
  }

  private static JsonObject history(String groupId, String query) {
    HttpResponse<String> response = server.get("/api/v1/groups/" + groupId + "/suggestions?" + query, operator);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return new JsonObject(response.body());
  }

  private static void store(UUID id, String groupId, String contentId, OffsetDateTime decidedAt) {
    server.database().execute("""
        INSERT INTO suggestions (id, group_id, content_id, kind, content, score, reasons, rule_set_version, state,
            created_at)
        VALUES ($1, $2, $3, 'POST', $4::jsonb, 42.5, '[]'::jsonb, 1, 'delivered', $5)""",
        Tuple.of(id, groupId, contentId, new JsonObject().put("id", contentId).put("title", "Title of " + contentId),
            decidedAt));
  }
}

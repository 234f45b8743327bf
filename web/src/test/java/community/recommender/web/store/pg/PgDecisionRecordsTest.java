package community.recommender.web.store.pg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.TestDatabase;
import community.recommender.web.store.DecisionSnapshot;
import community.recommender.web.store.Futures;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Transaction;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A decision's snapshot and its writes, against a real PostgreSQL. */
class PgDecisionRecordsTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final ContentItem WELCOME_POST = ContentItem.builder("welcome-post", ContentKind.POST, "Welcome")
      .body("Hello").tags(List.of("welcome")).build();
  private static final ContentGap MISSING_TEA_OFFER = new ContentGap(ContentKind.OFFER, List.of("tea"), List.of(),
      "en", null, "Sell to a lively group", 0);

  private TestDatabase database;
  private PgDecisionRecords records;

  @BeforeEach
  void groupWithoutHistory() {
    database = TestDatabase.start();
    database.migrate();
    PgChangeNotices notices = new PgChangeNotices(database.pool());
    records = new PgDecisionRecords(database.pool(), notices);
    Futures.await(new PgGroupStore(database.pool(), Clock.fixed(NOW, ZoneOffset.UTC))
        .save("tea-club", Portrait.named("Tea club").memberCount(100).build()));
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void suggest_storesPendingAndItsGaps_thenASecondDecisionOnTheSameSnapshotIsRefused() {
    DecisionSnapshot basis = snapshot();

    assertThat(suggest(basis, null, List.of(MISSING_TEA_OFFER))).isTrue();
    assertThat(suggest(basis, null, List.of(MISSING_TEA_OFFER))).isFalse();

    assertThat(states()).containsExactly("pending");
    assertThat(column("SELECT gap_key FROM content_gap_waits WHERE group_id = $1")).hasSize(1);
  }

  @Test
  void suggest_replacingTheStalePending_supersedesIt_andADecisionAfterAnEmptyGapListStopsWaiting() {
    DecisionSnapshot basis = snapshot();
    String stale = UUID.randomUUID().toString();
    assertThat(suggest(basis, null, List.of(MISSING_TEA_OFFER), stale)).isTrue();

    assertThat(suggest(snapshot(), stale, List.of())).isTrue();

    assertThat(states()).containsExactlyInAnyOrder("pending", "superseded");
    assertThat(column("SELECT gap_key FROM content_gap_waits WHERE group_id = $1")).isEmpty();
    assertThat(column("SELECT gap_key FROM content_gaps WHERE $1 IS NOT NULL")).isEmpty();
  }

  @Test
  void suggest_afterADeliveryTheSnapshotMissed_isRefused() {
    DecisionSnapshot basis = snapshot();
    String delivered = UUID.randomUUID().toString();
    assertThat(suggest(basis, null, List.of(), delivered)).isTrue();
    database.execute("UPDATE suggestions SET state = 'delivered', delivered_at = $2 WHERE id = $1::uuid",
        Tuple.of(delivered, NOW.atOffset(ZoneOffset.UTC)));

    assertThat(suggest(basis, null, List.of())).isFalse();
    assertThat(suggest(snapshot(), null, List.of())).isTrue();
  }

  @Test
  void suggest_forABot_deliversItWithTheSameCommit() {
    String bot = UUID.randomUUID().toString();
    String id = UUID.randomUUID().toString();

    assertThat(Futures.await(records.suggest(suggestion(id), new JsonObject(), snapshot(), null, List.of(), bot, NOW)))
        .isTrue();

    assertThat(states()).containsExactly("delivered");
    assertThat(column("SELECT delivered_to::text FROM suggestions WHERE group_id = $1")).containsExactly(bot);
    assertThat(snapshot().lastDeliveredAt()).contains(NOW);
  }

  @Test
  void suggest_whileTheGroupsPendingOneIsBeingDelivered_isRefusedOnceThatDeliveryCommits() {
    for (String claimFor : new String[] {null, UUID.randomUUID().toString()}) {
      database.execute("DELETE FROM suggestions WHERE group_id = $1", Tuple.of("tea-club"));
      String pending = UUID.randomUUID().toString();
      assertThat(suggest(snapshot(), null, List.of(), pending)).isTrue();
      DecisionSnapshot basis = snapshot();
      // Another poller's claim, begun but not committed yet: the insert below waits on its pending row.
      SqlConnection claiming = Futures.await(database.pool().getConnection());
      Transaction claim = Futures.await(claiming.begin());
      Futures.await(claiming.preparedQuery("UPDATE suggestions SET state = 'delivered', delivered_at = $2 WHERE id = $1")
          .execute(Tuple.of(UUID.fromString(pending), NOW.atOffset(ZoneOffset.UTC))));

      Future<Boolean> stored = records.suggest(suggestion(UUID.randomUUID().toString()), new JsonObject(), basis, null,
          List.of(), claimFor, NOW);
      await().atMost(Duration.ofSeconds(30)).until(() -> !column("SELECT pid::text FROM pg_stat_activity"
          + " WHERE wait_event_type = 'Lock' AND $1 IS NOT NULL").isEmpty());
      Futures.await(claim.commit());
      claiming.close();

      assertThat(Futures.await(stored)).as("stored while a delivery committed, claiming for %s", claimFor).isFalse();
      assertThat(states()).containsExactly("delivered");
    }
  }

  @Test
  void snapshot_readsHistoryLastDeliveryAndExternalSends() {
    String delivered = UUID.randomUUID().toString();
    suggest(snapshot(), null, List.of(), delivered);
    database.execute("UPDATE suggestions SET state = 'delivered', delivered_at = $2 WHERE id = $1::uuid",
        Tuple.of(delivered, NOW.atOffset(ZoneOffset.UTC)));
    database.execute("INSERT INTO external_sends (group_id, day, source, sends, reported_at) VALUES ($1, $2, 'crm', 3, $3)",
        Tuple.of("tea-club", java.time.LocalDate.parse("2026-11-20"), NOW.atOffset(ZoneOffset.UTC)));

    DecisionSnapshot basis = snapshot();

    assertThat(basis.group().getId()).isEqualTo("tea-club");
    assertThat(basis.history()).singleElement().satisfies(past -> {
      assertThat(past.getContentId()).isEqualTo("welcome-post");
      assertThat(past.isDelivered()).isTrue();
    });
    assertThat(basis.lastDeliveredAt()).contains(NOW);
    assertThat(basis.external().between(java.time.LocalDate.parse("2026-11-16"), java.time.LocalDate.parse("2026-11-22")))
        .isEqualTo(3);
  }

  private DecisionSnapshot snapshot() {
    return Futures.await(records.snapshot("tea-club", NOW)).orElseThrow();
  }

  private boolean suggest(DecisionSnapshot basis, String replacing, List<ContentGap> gaps) {
    return suggest(basis, replacing, gaps, UUID.randomUUID().toString());
  }

  private boolean suggest(DecisionSnapshot basis, String replacing, List<ContentGap> gaps, String id) {
    return Futures.await(records.suggest(suggestion(id), new JsonObject(), basis, replacing, gaps, null, NOW));
  }

  private static Suggestion suggestion(String id) {
    return new Suggestion(id, "tea-club", WELCOME_POST, 1.0, List.of(), 1, NOW);
  }

  private List<String> states() {
    return column("SELECT state FROM suggestions WHERE group_id = $1");
  }

  private List<String> column(String sql) {
    List<String> values = new ArrayList<>();
    for (Row row : Futures.await(database.pool().preparedQuery(sql).execute(Tuple.of("tea-club")))) {
      values.add(row.getString(0));
    }
    return values;
  }
}

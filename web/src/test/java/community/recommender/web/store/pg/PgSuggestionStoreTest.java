package community.recommender.web.store.pg;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.ContentStatus;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.TestDatabase;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.Futures;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which groups a content change reaches: only those it may serve or whose pending suggestion it is. */
class PgSuggestionStoreTest {
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final ContentItem SHANGHAI_GROUP_BUY = ContentItem.builder("sh-group-buy", ContentKind.OFFER,
      "Group buy").body("Join").language("en-GB").regions(List.of("CN-SH")).build();
  private static final ContentItem TEA_POST = ContentItem.builder("tea-post", ContentKind.POST, "Tea")
      .body("Tea").language("en").build();

  private TestDatabase database;
  private PgSuggestionStore store;
  private PgDecisionRecords records;
  private final List<String> announced = new ArrayList<>();

  @BeforeEach
  void groupsInTwoCitiesAndTwoLanguages() {
    database = TestDatabase.start();
    database.migrate();
    PgChangeNotices notices = new PgChangeNotices(database.pool());
    notices.onNotice(announced::add);
    store = new PgSuggestionStore(database.pool(), notices, CLOCK);
    records = new PgDecisionRecords(database.pool(), notices);
    PgGroupStore groups = new PgGroupStore(database.pool(), CLOCK);
    save(groups, "shanghai-en", "CN-SH-Shanghai", "en");
    save(groups, "beijing-en", "CN-BJ-Beijing", "en");
    save(groups, "shanghai-zh", "CN-SH-Shanghai", "zh");
    save(groups, "london-en", "GB-LND", "en");
    for (String group : List.of("shanghai-en", "beijing-en", "shanghai-zh")) {
      pendingOf(group, TEA_POST);
    }
    pendingOf("london-en", SHANGHAI_GROUP_BUY);
    announced.clear();
  }

  @AfterEach
  void close() {
    database.close();
  }

  @Test
  void aPublishedRegionalItem_reachesGroupsInItsRegionAndLanguage_andGroupsWhosePendingItIs() {
    int affected = Futures.await(store.supersedePendingAffectedBy(List.of(SHANGHAI_GROUP_BUY), "edited"));

    assertThat(affected).isEqualTo(2);
    assertThat(announced).containsExactlyInAnyOrder("shanghai-en", "london-en").doesNotContain(ChangeNotices.EVERY_GROUP);
    assertThat(pendingGroups()).containsExactlyInAnyOrder("beijing-en", "shanghai-zh");
  }

  @Test
  void anArchivedItem_reachesOnlyGroupsWhosePendingItIs() {
    ContentItem archived = TEA_POST.toBuilder().status(ContentStatus.ARCHIVED).build();

    Futures.await(store.supersedePendingAffectedBy(List.of(archived), "archived"));

    assertThat(announced).containsExactlyInAnyOrder("shanghai-en", "beijing-en", "shanghai-zh");
    assertThat(pendingGroups()).containsExactly("london-en");
  }

  private static void save(PgGroupStore groups, String id, String region, String language) {
    Futures.await(groups.save(id, Portrait.named(id).region(region).language(language).memberCount(50).build()));
  }

  /** Stores a pending suggestion of {@code item} for {@code group}, as a decision would. */
  private void pendingOf(String group, ContentItem item) {
    var basis = Futures.await(records.snapshot(group, NOW)).orElseThrow();
    Futures.await(records.suggest(new Suggestion(UUID.randomUUID().toString(), group, item, 1.0, List.of(), 1, NOW),
        new JsonObject(), basis, null, List.of(), null, NOW));
  }

  private List<String> pendingGroups() {
    List<String> groups = new ArrayList<>();
    for (Row row : Futures.await(database.pool().preparedQuery(
        "SELECT group_id FROM suggestions WHERE state = 'pending' AND $1").execute(Tuple.of(true)))) {
      groups.add(row.getString(0));
    }
    return groups;
  }
}

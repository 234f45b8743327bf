package community.recommender.web.application.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.LuceneContentCatalog;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.web.CountingPool;
import community.recommender.web.TestDatabase;
import community.recommender.web.application.Workers;
import community.recommender.web.application.demo.DemoData;
import community.recommender.web.application.experiments.ExperimentService;
import community.recommender.web.application.playbook.RuleFolderLoader;
import community.recommender.web.application.playbook.RuleMirror;
import community.recommender.web.application.playbook.RuleService;
import community.recommender.web.application.playbook.RuleWarmUp;
import community.recommender.web.application.library.IndexCatchUp;
import community.recommender.web.store.Futures;
import community.recommender.web.store.Role;
import community.recommender.web.store.pg.PgActivityReports;
import community.recommender.web.store.pg.PgChangeNotices;
import community.recommender.web.store.pg.PgContentStore;
import community.recommender.web.store.pg.PgDecisionRecords;
import community.recommender.web.store.pg.PgExperimentStore;
import community.recommender.web.store.pg.PgGroupStore;
import community.recommender.web.store.pg.PgRuleSetStore;
import community.recommender.web.store.pg.PgSilenceStore;
import community.recommender.web.store.pg.PgSuggestionStore;
import community.recommender.web.store.pg.PgTokenStore;
import io.vertx.core.Future;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How many database round trips a poll costs, counted on the pool the real PostgreSQL stores use:
 * the demo groups and library, the real playbook and a real Lucene index.
 */
class DecisionRoundTripsTest {
  /** A Monday, never today. */
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final Workers INLINE = new Workers() {
    @Override
    public <T> Future<T> run(java.util.concurrent.Callable<T> work) {
      try {
        return Future.succeededFuture(work.call());
      } catch (Exception e) {
        return Future.failedFuture(e);
      }
    }
  };
  private static final DecisionTimer UNTIMED = new DecisionTimer() {
    @Override
    public <T> T time(Supplier<T> decision) {
      return decision.get();
    }
  };

  @TempDir static Path indexDir;
  private static TestDatabase database;
  private static CountingPool pool;
  private static ContentIndex index;
  private static SuggestionService service;
  private static String botId;

  @BeforeAll
  static void demoDataRulesAndIndex() {
    database = TestDatabase.start();
    database.migrate();
    pool = new CountingPool(database.pool());
    PgGroupStore groups = new PgGroupStore(pool, CLOCK);
    PgContentStore content = new PgContentStore(pool, CLOCK);
    DemoData.loadIntoEmpty(groups, new PgActivityReports(pool), content, Path.of("..", "content-library", "samples"),
        NOW);
    index = ContentIndex.open(indexDir);
    IndexCatchUp.run(content, index);
    PgChangeNotices notices = new PgChangeNotices(pool);
    PgSuggestionStore suggestions = new PgSuggestionStore(pool, notices, CLOCK);
    RuleBook book = new RuleBook();
    RuleMirror mirror = new RuleMirror(new RuleFolder(Path.of("..", "rules")));
    PgRuleSetStore versions = new PgRuleSetStore(pool);
    RuleFolderLoader.load(mirror, book, versions);
    DecisionPipeline pipeline = new DecisionPipeline(book, new LuceneContentCatalog(index));
    RuleService rules = new RuleService(book, mirror, versions, INLINE, notices,
        new RuleWarmUp(groups, pipeline, CLOCK));
    ExperimentService experiments = new ExperimentService(new PgExperimentStore(pool), groups, suggestions, rules,
        CLOCK);
    Futures.await(experiments.refresh());
    service = new SuggestionService(new PgDecisionRecords(pool, notices), suggestions, notices,
        new Decider(book, pipeline, pipeline, experiments, INLINE, UNTIMED), CLOCK, Duration.ofHours(6),
        new PgSilenceStore(pool));
    botId = Futures.await(new PgTokenStore(pool).create(Role.BOT, List.of(), "bot")).record().id();
  }

  @AfterAll
  static void close() {
    index.close();
    database.close();
  }

  @BeforeEach
  void countFromZero() {
    pool.reset();
  }

  @Test
  void aLookThatDecides_readsTwiceThenStoresInOneTransaction() {
    SuggestionAnswer answer = Futures.await(service.next("sh-coffee-lovers", null));

    assertThat(answer).isInstanceOf(SuggestionAnswer.Suggested.class);
    assertThat(pool.statements()).isEqualTo(2);
    assertThat(pool.connections()).isOne();
    assertThat(state(((SuggestionAnswer.Suggested) answer).suggestion().id())).isEqualTo("pending");
  }

  @Test
  void aBotPollThatDecides_readsTwiceThenStoresAndClaimsInOneTransaction_andTheHeldPollAfterItThreeStatements_thenNone() {
    SuggestionAnswer delivered = Futures.await(service.next("ldn-tea-baking", botId));

    assertThat(delivered).isInstanceOf(SuggestionAnswer.Suggested.class);
    assertThat(pool.statements()).isEqualTo(2);
    assertThat(pool.connections()).isOne();
    assertThat(state(((SuggestionAnswer.Suggested) delivered).suggestion().id())).isEqualTo("delivered");

    pool.reset();
    SuggestionAnswer held = Futures.await(service.next("ldn-tea-baking", botId));
    assertThat(held).isInstanceOf(SuggestionAnswer.Held.class);
    assertThat(pool.statements()).isEqualTo(3);
    assertThat(pool.connections()).isZero();
    assertThat(silenceStatus("ldn-tea-baking")).isEqualTo("held");

    pool.reset();
    assertThat(Futures.await(service.next("ldn-tea-baking", botId))).isInstanceOf(SuggestionAnswer.Held.class);
    assertThat(pool.statements()).isZero();
    assertThat(pool.connections()).isZero();
  }

  @Test
  void looksAtOneGroupWhileItIsDecided_shareTheDecision() {
    Future<SuggestionAnswer> first = service.next("gz-flower-studio", null);
    Future<SuggestionAnswer> second = service.next("gz-flower-studio", null);

    SuggestionAnswer.Suggested one = (SuggestionAnswer.Suggested) Futures.await(first);
    SuggestionAnswer.Suggested other = (SuggestionAnswer.Suggested) Futures.await(second);
    assertThat(other.suggestion().id()).isEqualTo(one.suggestion().id());
    assertThat(pool.statements()).isEqualTo(2);
    assertThat(pool.connections()).isOne();
  }

  private static String state(String suggestionId) {
    return one("SELECT state FROM suggestions WHERE id = $1::uuid", suggestionId).getString(0);
  }

  private static String silenceStatus(String groupId) {
    return one("SELECT status FROM group_silences WHERE group_id = $1", groupId).getString(0);
  }

  private static Row one(String sql, String key) {
    return Futures.await(database.pool().preparedQuery(sql).execute(Tuple.of(key))).iterator().next();
  }
}

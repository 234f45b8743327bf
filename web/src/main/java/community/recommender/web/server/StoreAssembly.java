package community.recommender.web.server;

import community.recommender.web.store.ActivityReportStore;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.ClusterLock;
import community.recommender.web.store.ContentGapStore;
import community.recommender.web.store.ContentStore;
import community.recommender.web.store.DecisionRecords;
import community.recommender.web.store.ExperimentStore;
import community.recommender.web.store.EngagementStore;
import community.recommender.web.store.FeedbackStore;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.OutageTolerantTokens;
import community.recommender.web.store.RuleSetStore;
import community.recommender.web.store.SilenceStore;
import community.recommender.web.store.StoreHealth;
import community.recommender.web.store.SuggestionStats;
import community.recommender.web.store.SuggestionStore;
import community.recommender.web.store.TokenStore;
import community.recommender.web.store.database.Database;
import community.recommender.web.store.database.SchemaMigrations;
import community.recommender.web.store.pg.AdvisoryLock;
import community.recommender.web.store.pg.PgActivityReports;
import community.recommender.web.store.pg.PgChangeNotices;
import community.recommender.web.store.pg.PgContentGapStore;
import community.recommender.web.store.pg.PgContentStore;
import community.recommender.web.store.pg.PgDecisionRecords;
import community.recommender.web.store.pg.PgExperimentStore;
import community.recommender.web.store.pg.PgEngagementStore;
import community.recommender.web.store.pg.PgFeedbackStore;
import community.recommender.web.store.pg.PgGroupStore;
import community.recommender.web.store.pg.PgRuleSetStore;
import community.recommender.web.store.pg.PgSilenceStore;
import community.recommender.web.store.pg.PgSuggestionStats;
import community.recommender.web.store.pg.PgSuggestionStore;
import community.recommender.web.store.pg.PgTokenStore;
import community.recommender.web.store.pg.PgExternalSendStore;
import community.recommender.web.store.ExternalSendStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.Deque;

/**
 * The storage side of the server: the database (embedded or external) brought up to the current
 * schema, every store over it, and the change notices between nodes.
 */
record StoreAssembly(Database database, GroupStore groups, ActivityReportStore reports, SuggestionStore suggestions,
    ContentStore content, RuleSetStore ruleVersions, FeedbackStore feedback, SuggestionStats stats,
    TokenStore tokens, ChangeNotices notices, ClusterLock reassessmentLock, ContentGapStore gaps,
    SilenceStore silences, ExperimentStore experiments, EngagementStore engagement,
    ExternalSendStore externalSends, DecisionRecords decisions) {

  /** Opens the database and migrates it; everything to close is pushed onto {@code opened}. */
  static StoreAssembly open(Vertx vertx, ServerConfig config, Deque<AutoCloseable> opened) {
    Database database = Database.open(vertx, config.databaseUrl(), config.dataDir());
    opened.push(database);
    SchemaMigrations.apply(database);
    var pool = database.pool();
    PgChangeNotices notices = new PgChangeNotices(pool);
    opened.push(notices.listen(vertx, database.connectOptions()));
    Clock clock = config.clock();
    return new StoreAssembly(database, new PgGroupStore(pool, clock), new PgActivityReports(pool),
        new PgSuggestionStore(pool, notices, clock), new PgContentStore(pool, clock), new PgRuleSetStore(pool),
        new PgFeedbackStore(pool, clock, config.outcomeWindow()), new PgSuggestionStats(pool),
        new OutageTolerantTokens(new PgTokenStore(pool)), notices,
        new AdvisoryLock(pool, AdvisoryLock.GROUP_REASSESSMENT), new PgContentGapStore(pool),
        new PgSilenceStore(pool), new PgExperimentStore(pool), new PgEngagementStore(pool),
        new PgExternalSendStore(pool), new PgDecisionRecords(pool, notices));
  }

  /** Whether the database answers. */
  StoreHealth health() {
    return database;
  }
}

package community.recommender.web.server;

import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.ContentSearch;
import community.recommender.content.index.LuceneContentCatalog;
import community.recommender.content.upload.UploadLimits;
import community.recommender.content.upload.UploadReader;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.experiment.ServiceOnlyCatalog;
import community.recommender.engine.journey.JourneySimulation;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.application.Workers;
import community.recommender.web.application.delivery.ExternalSendService;
import community.recommender.web.application.delivery.SuggestionRenderings;
import community.recommender.web.application.demo.DemoData;
import community.recommender.web.application.experiments.ExperimentReports;
import community.recommender.web.application.experiments.ExperimentService;
import community.recommender.web.application.groups.GroupReassessment;
import community.recommender.web.application.groups.GroupService;
import community.recommender.web.application.health.HealthChecks;
import community.recommender.web.application.journeys.JourneyService;
import community.recommender.web.application.learning.EngagementBoard;
import community.recommender.web.application.learning.LearningService;
import community.recommender.web.application.library.ContentIndexer;
import community.recommender.web.application.library.ContentLibrary;
import community.recommender.web.application.library.IndexCatchUp;
import community.recommender.web.application.playbook.RuleFolderLoader;
import community.recommender.web.application.playbook.RuleFolderWatcher;
import community.recommender.web.application.playbook.RuleMirror;
import community.recommender.web.application.playbook.RuleService;
import community.recommender.web.application.playbook.RuleWarmUp;
import community.recommender.web.application.playbook.RuleSimulation;
import community.recommender.web.application.suggestions.Decider;
import community.recommender.web.application.suggestions.FeedbackService;
import community.recommender.web.application.suggestions.SuggestionService;
import community.recommender.web.application.suggestions.Waiters;
import community.recommender.web.application.tokens.TokenService;
import community.recommender.web.metrics.ServerMetrics;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.Futures;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The application services: the playbook (rule book, folder and versions), the content library and
 * its index, decisions and their delivery, and the periodic work that keeps them fresh.
 *
 * @param indexed how many items the index caught up with at start, for the banner
 * @param indexSize how many items the index holds after that catch-up, for the banner
 * @param indexProblem why the content index cannot serve, or null, for readiness
 */
record ApplicationAssembly(RuleBook ruleBook, RuleSet startingRules, int indexed, int indexSize, ContentLibrary library,
    GroupService groups, TokenService tokens, SuggestionService suggestions, FeedbackService feedback, Waiters waiters,
    RuleService rules, RuleSimulation simulation, JourneyService journeys, GroupReassessment reassessment,
    HealthChecks health, Supplier<String> indexProblem, ExperimentService experiments,
    ExperimentReports experimentReports, LearningService learning, SuggestionRenderings renderings,
    ExternalSendService externalSends) {

  private static final Logger LOG = LoggerFactory.getLogger(ApplicationAssembly.class);
  private static final int DECISION_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final int CONTENT_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
  /** Half the cores at most, so simulating never takes every core from the decisions that answer polls. */
  private static final int SIMULATION_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
  /** Other instances sharing the database change content too; their changes are picked up within seconds. */
  private static final Duration INDEX_CATCH_UP = Duration.ofSeconds(2);
  private static final Duration PENDING_COUNT = Duration.ofSeconds(5);
  /** Experiments created or stopped on other nodes reach this node's decisions within seconds. */
  private static final Duration EXPERIMENT_REFRESH = Duration.ofSeconds(5);

  /** Starts every service over {@code stores}; everything to close is pushed onto {@code opened}. */
  static ApplicationAssembly start(Vertx vertx, ServerConfig config, StoreAssembly stores, ServerMetrics metrics,
      PrintStream out, Deque<AutoCloseable> opened) {
    RuleBook ruleBook = new RuleBook();
    RuleMirror mirror = new RuleMirror(new RuleFolder(config.rulesDir()));
    RuleSet rules = RuleFolderLoader.load(mirror, ruleBook, stores.ruleVersions());

    if (config.demo() && DemoData.loadIntoEmpty(stores.groups(), stores.reports(), stores.content(),
        config.samplesDir(), config.clock().instant())) {
      out.println("Loaded the demo groups and content library.");
    }
    ContentIndex index = ContentIndex.open(config.dataDir().resolve("index"));
    opened.push(index);
    int indexed = IndexCatchUp.run(stores.content(), index);
    ContentIndexer indexer = new ContentIndexer(stores.content(), index, workers(vertx, "content-index", 1, opened));

    EngagementBoard engagement = new EngagementBoard(stores.engagement(), config.clock(), config.outcomeWindow());
    DecisionPipeline pipeline = new DecisionPipeline(ruleBook, new LuceneContentCatalog(index), RuleLimits.DEFAULT,
        engagement);
    Workers decisions = workers(vertx, "decisions", DECISION_WORKERS, opened);
    ChangeNotices notices = stores.notices();
    RuleService ruleService = new RuleService(ruleBook, mirror, stores.ruleVersions(),
        workers(vertx, "rule-compiler", 1, opened), notices,
        new RuleWarmUp(stores.groups(), pipeline, config.clock()));
    ExperimentService experiments = new ExperimentService(stores.experiments(), stores.groups(), stores.suggestions(), ruleService,
        config.clock());
    Futures.await(experiments.refresh());
    DecisionPipeline holdout = new DecisionPipeline(ruleBook, new ServiceOnlyCatalog(new LuceneContentCatalog(index)),
        RuleLimits.DEFAULT, engagement);
    // The service's remembered answers are forgotten before waiting polls are woken to ask again:
    // notices reach their listeners in the order they were registered.
    SuggestionService suggestions = new SuggestionService(stores.decisions(), stores.suggestions(), notices,
        new Decider(ruleBook, pipeline, holdout, experiments, decisions, metrics::timeDecision), config.clock(),
        config.delivery().pendingTtl(), stores.silences());
    Waiters waiters = new Waiters(notices);

    UploadLimits uploadLimits = UploadLimits.defaults().withMaxFileBytes(config.maxFileBytes());
    ContentLibrary library = new ContentLibrary(new UploadReader(uploadLimits), stores.content(), indexer,
        new ContentSearch(index), workers(vertx, "content", CONTENT_WORKERS, opened), stores.suggestions(),
        stores.gaps());

    // Simulations and journeys run many decisions at once; a pool of their own keeps polls answered meanwhile.
    Workers simulations = workers(vertx, "simulations", SIMULATION_WORKERS, opened);
    RuleSimulation simulation = new RuleSimulation(ruleService, stores.groups(), stores.suggestions(), pipeline,
        simulations, config.clock());
    JourneyService journeys = new JourneyService(stores.groups(), stores.suggestions(), ruleService,
        new JourneySimulation(pipeline), simulations, config.clock());
    opened.push(RuleFolderWatcher.start(config.rulesDir(), ruleService));
    // A rule change on another node arrives as a notice for every group; this node then catches up.
    notices.onNotice(payload -> {
      if (ChangeNotices.EVERY_GROUP.equals(payload)) {
        ruleService.followNewestVersion()
            .onFailure(e -> LOG.warn("cannot follow the newest rule set", e));
      }
    });
    GroupReassessment reassessment = new GroupReassessment(stores.groups(), stores.reassessmentLock(),
        config.clock());

    PeriodicTasks tasks = new PeriodicTasks(vertx, metrics);
    opened.push(tasks);
    tasks.every(INDEX_CATCH_UP, "index-catch-up", false, indexer::catchUp);
    tasks.every(EXPERIMENT_REFRESH, "experiment-refresh", false, experiments::refresh);
    tasks.every(EngagementBoard.REFRESH, "engagement-refresh", true, engagement::refresh);
    tasks.every(GroupReassessment.INTERVAL, "group-reassessment", true, reassessment::runOnce);
    AtomicLong pending = new AtomicLong();
    metrics.gauge("recommender.suggestions.pending", "Groups with a pending suggestion, on every node", pending::get);
    metrics.gauge("recommender.long.polls.waiting", "Long polls waiting on this node", waiters::size);
    tasks.every(PENDING_COUNT, "pending-count", true, () -> stores.suggestions().countPending().onSuccess(pending::set));

    return new ApplicationAssembly(ruleBook, rules, indexed, index.size(), library,
        new GroupService(stores.groups(), stores.reports(), stores.suggestions(), config.clock()),
        new TokenService(stores.tokens()), suggestions,
        new FeedbackService(stores.feedback(), stores.stats(), notices, engagement::outcomesChanged), waiters,
        ruleService, simulation, journeys, reassessment, new HealthChecks(stores.health(), ruleBook), index::problem,
        experiments,
        new ExperimentReports(experiments, stores.experiments(), stores.groups(), stores.reports(), config.clock()),
        new LearningService(library, engagement, stores.engagement()),
        new SuggestionRenderings(stores.groups()),
        new ExternalSendService(stores.groups(), stores.externalSends(), stores.suggestions(), config.clock()));
  }

  /** A pool of {@code size} worker threads for one kind of blocking work. */
  private static Workers workers(Vertx vertx, String name, int size, Deque<AutoCloseable> opened) {
    WorkerExecutor executor = vertx.createSharedWorkerExecutor(name, size);
    opened.push(() -> Futures.await(executor.close()));
    return new Workers() {
      @Override
      public <T> Future<T> run(Callable<T> work) {
        return executor.executeBlocking(work, false);
      }
    };
  }
}

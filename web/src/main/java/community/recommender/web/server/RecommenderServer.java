package community.recommender.web.server;

import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.ContentSearch;
import community.recommender.content.upload.UploadLimits;
import community.recommender.content.upload.UploadReader;
import community.recommender.content.index.LuceneContentCatalog;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.api.ContentRoutes;
import community.recommender.web.api.GroupImportRoutes;
import community.recommender.web.api.FeedbackRoutes;
import community.recommender.web.api.GroupRoutes;
import community.recommender.web.api.OpsRoutes;
import community.recommender.web.api.TokenRoutes;
import community.recommender.web.auth.RateLimiter;
import community.recommender.web.metrics.ServerMetrics;
import community.recommender.web.store.PgFeedbackStore;
import community.recommender.web.store.PgSuggestionStats;
import community.recommender.web.api.HealthRoutes;
import community.recommender.web.api.RuleRoutes;
import community.recommender.web.api.SessionRoutes;
import community.recommender.web.api.SuggestionRoutes;
import community.recommender.web.assessment.GroupReassessment;
import community.recommender.web.auth.AdminTokenFile;
import community.recommender.web.auth.PgTokenStore;
import community.recommender.web.auth.TokenAuthHandler;
import community.recommender.web.content.ContentIndexer;
import community.recommender.web.content.ContentLibrary;
import community.recommender.web.console.ConsoleRoutes;
import community.recommender.web.content.IndexCatchUp;
import community.recommender.web.database.Database;
import community.recommender.web.database.Futures;
import community.recommender.web.database.SchemaMigrations;
import community.recommender.web.decision.RememberedAnswers;
import community.recommender.web.decision.SuggestionService;
import community.recommender.web.delivery.ChangeNotices;
import community.recommender.web.delivery.Waiters;
import community.recommender.web.demo.DemoData;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.web.rules.RuleFolderLoader;
import community.recommender.web.rules.RuleFolderWatcher;
import community.recommender.web.rules.RuleService;
import community.recommender.web.rules.RuleSimulation;
import community.recommender.web.store.PgActivityReports;
import community.recommender.web.store.PgContentStore;
import community.recommender.web.store.PgGroupStore;
import community.recommender.web.store.PgRuleSetStore;
import community.recommender.web.store.PgSuggestionStore;
import community.recommender.web.api.Routes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts the server: database, schema, rules, content index, demo data, admin token, HTTP. */
public final class RecommenderServer {
  private static final Logger LOG = LoggerFactory.getLogger(RecommenderServer.class);

  private static final long PENDING_REFRESH_MS = 5_000;
  private static final int EVENT_LOOPS = Runtime.getRuntime().availableProcessors();
  private static final int DECISION_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final int CONTENT_WORKERS = Math.max(2, Runtime.getRuntime().availableProcessors());
  private static final long CATCH_UP_MILLIS = 2_000;

  private RecommenderServer() {}

  /** Starts everything in {@code config}, printing progress to {@code out}; fails with a one-line reason. */
  public static RunningServer start(ServerConfig config, PrintStream out) {
    long started = System.nanoTime();
    prepareDataDir(config.dataDir());
    Deque<AutoCloseable> opened = new ArrayDeque<>();
    try {
      Vertx vertx = Vertx.vertx();
      opened.push(() -> Futures.await(vertx.close()));
      Database database = Database.open(vertx, config.databaseUrl(), config.dataDir());
      opened.push(database);
      SchemaMigrations.apply(database.pool());

      RuleBook ruleBook = new RuleBook();
      RuleSet rules = RuleFolderLoader.load(config.rulesDir(), ruleBook, new PgRuleSetStore(database.pool()));

      PgGroupStore groups = new PgGroupStore(database.pool());
      PgActivityReports reports = new PgActivityReports(database.pool());
      PgContentStore content = new PgContentStore(database.pool());
      Clock clock = Clock.systemUTC();
      if (config.demo() && DemoData.loadIntoEmpty(groups, reports, content, config.samplesDir(), clock.instant())) {
        out.println("Loaded the demo groups and content library.");
      }
      ContentIndex index = ContentIndex.open(config.dataDir().resolve("index"));
      opened.push(index);
      int indexed = IndexCatchUp.run(content, index);
      WorkerExecutor indexWriter = vertx.createSharedWorkerExecutor("content-index", 1);
      opened.push(() -> Futures.await(indexWriter.close()));
      ContentIndexer indexer = new ContentIndexer(content, index, indexWriter);
      // Other instances sharing the database change content too; pick their changes up within seconds.
      long catchUpTimer = vertx.setPeriodic(CATCH_UP_MILLIS, tick -> indexer.catchUp());
      opened.push(() -> vertx.cancelTimer(catchUpTimer));

      PgTokenStore tokens = new PgTokenStore(database.pool());
      announceFirstAdmin(Futures.await(tokens.createFirstAdmin()), config.dataDir(), out);

      WorkerExecutor decisions = vertx.createSharedWorkerExecutor("decisions", DECISION_WORKERS);
      opened.push(() -> Futures.await(decisions.close()));
      WorkerExecutor compiler = vertx.createSharedWorkerExecutor("rule-compiler", 1);
      opened.push(() -> Futures.await(compiler.close()));
      WorkerExecutor contentWorkers = vertx.createSharedWorkerExecutor("content", CONTENT_WORKERS);
      opened.push(() -> Futures.await(contentWorkers.close()));
      UploadLimits uploadLimits = UploadLimits.defaults().withMaxFileBytes(config.maxFileBytes());
      DecisionPipeline pipeline = new DecisionPipeline(ruleBook, new LuceneContentCatalog(index));
      ServerMetrics metrics = new ServerMetrics();
      opened.push(metrics);
      ChangeNotices notices = new ChangeNotices(database.pool());
      opened.push(notices.listen(vertx, database.connectOptions()));
      // Remembered answers are forgotten before waiting polls are woken to ask again: notices reach
      // their listeners in the order they were registered.
      RememberedAnswers remembered = new RememberedAnswers(notices);
      Waiters waiters = new Waiters(notices);
      PgSuggestionStore suggestionStore = new PgSuggestionStore(database.pool(), notices);
      ContentLibrary library = new ContentLibrary(new UploadReader(uploadLimits), content, indexer,
          new ContentSearch(index), contentWorkers, suggestionStore);
      SuggestionService suggestions = new SuggestionService(groups, suggestionStore, ruleBook, pipeline, decisions,
          clock, config.delivery().pendingTtl(), notices, metrics.decisionTimer(), remembered);
      watchPending(vertx, suggestionStore, waiters, metrics);
      PgRuleSetStore ruleVersions = new PgRuleSetStore(database.pool());
      RuleService ruleService = new RuleService(ruleBook, new RuleFolder(config.rulesDir()), ruleVersions, compiler,
          notices);
      RuleSimulation simulation = new RuleSimulation(ruleService, ruleBook, groups, suggestionStore, pipeline,
          decisions, clock);
      opened.push(RuleFolderWatcher.start(config.rulesDir(), ruleService));
      // A rule change on another node arrives as a notice for every group; this node then catches up.
      notices.onNotice(payload -> {
        if (ChangeNotices.EVERY_GROUP.equals(payload)) {
          ruleService.followNewestVersion().onFailure(e -> LOG.warn("cannot follow the newest rule set: {}",
              e.getMessage()));
        }
      });
      GroupReassessment reassessment = new GroupReassessment(groups, database.pool(), clock);
      reassessment.schedule(vertx);
      opened.push(reassessment);
      TokenAuthHandler auth = new TokenAuthHandler(tokens,
          new RateLimiter(config.delivery().requestsPerSecond(), config.delivery().burst()));
      List<Routes> open = List.of(new HealthRoutes(database.pool(), ruleBook), new OpsRoutes(metrics),
          new ConsoleRoutes());
      List<Routes> routes = List.of(
              new SessionRoutes(),
              new GroupRoutes(groups, reports, suggestionStore, clock),
              new GroupImportRoutes(groups, suggestionStore, clock),
              new SuggestionRoutes(suggestions, groups, waiters, clock),
              new FeedbackRoutes(new PgFeedbackStore(database.pool()), new PgSuggestionStats(database.pool()),
                  notices, clock),
              new TokenRoutes(tokens, auth),
              new RuleRoutes(ruleService, simulation, ruleVersions),
              new ContentRoutes(library));
      Path uploads = uploadsDir(config.dataDir());
      // One router per event loop, all sharing one port, so that HTTP work uses every core. Vert.x shares
      // a port only among servers that ask for the same number, so "any free port" is chosen here first.
      int port = config.port() == 0 ? freePort() : config.port();
      List<ApiVerticle> listening = new CopyOnWriteArrayList<>();
      try {
        Futures.await(vertx.deployVerticle(() -> {
          ApiVerticle instance = new ApiVerticle(port, metrics, open, auth, routes, config.maxUploadBytes(), uploads);
          listening.add(instance);
          return instance;
        }, new DeploymentOptions().setInstances(EVENT_LOOPS)));
      } catch (RuntimeException e) {
        throw new StartupException("cannot listen on port " + config.port() + ": " + e.getMessage(), e);
      }
      ApiVerticle api = listening.get(0);
      out.printf("Community Recommender listening on http://localhost:%d (%s; rule set v%d; %d items indexed)"
              + " in %.1f s%n", api.actualPort(), database.description(), rules.version(), indexed,
          (System.nanoTime() - started) / 1e9);
      return new RunningServer(opened, api.actualPort(), database.url(), api.routes().endpoints());
    } catch (RuntimeException e) {
      new RunningServer(opened, 0, null, List.of()).close();
      throw e;
    }
  }

  /** Where multipart uploads are spooled while a request is read; emptied at start, as nothing there outlives a request. */
  private static Path uploadsDir(Path dataDir) {
    Path dir = dataDir.resolve("uploads");
    try {
      if (Files.isDirectory(dir)) {
        try (var leftovers = Files.list(dir)) {
          for (Path file : leftovers.toList()) {
            Files.deleteIfExists(file);
          }
        }
      }
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StartupException("cannot prepare " + dir + " for uploads: " + e.getMessage(), e);
    }
  }

  /** Publishes the pending suggestions (across nodes, counted every few seconds) and this node's long polls. */
  private static void watchPending(Vertx vertx, PgSuggestionStore store, Waiters waiters, ServerMetrics metrics) {
    AtomicLong pending = new AtomicLong();
    metrics.gauge("recommender.suggestions.pending", "Groups with a pending suggestion, on every node",
        pending::get);
    metrics.gauge("recommender.long.polls.waiting", "Long polls waiting on this node", waiters::size);
    store.countPending().onSuccess(pending::set);
    vertx.setPeriodic(PENDING_REFRESH_MS, id -> store.countPending().onSuccess(pending::set));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new StartupException("cannot find a free port: " + e.getMessage(), e);
    }
  }

  private static void prepareDataDir(Path dataDir) {
    try {
      Files.createDirectories(dataDir);
    } catch (IOException | SecurityException e) {
      throw new StartupException("data dir " + dataDir + " cannot be created (" + e.getMessage() + "); choose another with --data-dir");
    }
    if (!Files.isDirectory(dataDir) || !Files.isWritable(dataDir)) {
      throw new StartupException("data dir " + dataDir + " is not a writable directory; choose another with --data-dir");
    }
  }

  private static void announceFirstAdmin(Optional<String> token, Path dataDir, PrintStream out) {
    if (token.isEmpty()) {
      return;
    }
    Path file = AdminTokenFile.write(dataDir, token.get());
    out.println("Created the first admin token. It is shown only this once, and saved to " + file + " (mode 0600):");
    out.println("  " + token.get());
  }
}

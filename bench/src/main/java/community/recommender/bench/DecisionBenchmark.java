package community.recommender.bench;

import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.LuceneContentCatalog;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Need;
import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleSession;
import community.recommender.engine.rules.RuleStage;
import community.recommender.engine.rules.RuleSource;
import community.recommender.engine.rules.RuleWatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Measures decisions with the default playbook over a large generated library, against a
 * hand-written Java version of four of the same rules measured in the same run.
 *
 * <p>Usage: {@code java -cp bench/target/bench.jar community.recommender.bench.DecisionBenchmark
 * [items=100000] [groups=100000] [singles=3000] [rules=rules]}.
 */
public final class DecisionBenchmark {
  private static final Instant NOW = Instant.parse("2026-11-22T04:00:00Z");
  /**
   * The default limits with a minute per decision: on a machine shared with other builds, the first
   * (cold) decisions can take seconds, and a benchmark times them rather than stop them.
   */
  private static final RuleLimits PATIENT = new RuleLimits(RuleLimits.DEFAULT.maxFirings(),
      RuleLimits.DEFAULT.maxInsertedFacts(), java.time.Duration.ofMinutes(1));

  private DecisionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int items = arg(args, 0, 100_000);
    int groupCount = arg(args, 1, 100_000);
    int singles = arg(args, 2, 3_000);
    Path rulesDir = Path.of(args.length > 3 ? args[3] : "rules");
    System.out.printf("Decision benchmark: %d items, %d groups, %d timed single decisions, %d cores%n", items,
        groupCount, singles, Runtime.getRuntime().availableProcessors());

    Path indexDir = Files.createTempDirectory("bench-index");
    try (ContentIndex index = ContentIndex.open(indexDir)) {
      long start = System.nanoTime();
      List<ContentItem> library = SyntheticLibrary.generate(items, NOW, 42);
      for (int from = 0; from < library.size(); from += 10_000) {
        index.apply(library.subList(from, Math.min(library.size(), from + 10_000)), from + 10_000);
      }
      System.out.printf("Indexed %d items in %.1f s%n", index.size(), (System.nanoTime() - start) / 1e9);
      LuceneContentCatalog catalog = new LuceneContentCatalog(index);

      RuleBook playbook = compileAndReport(rulesDir);
      compileGenerated(rulesDir, 500);
      RuleBook fourRules = new RuleBook();
      fourRules.activate(fourRules.compile(List.of(new RuleSource("four.drl", FOUR_RULES))), 1);

      DecisionPipeline full = new DecisionPipeline(playbook, catalog, PATIENT);
      // The same catalog asked once per need, as decisions did before a kind's needs shared one search.
      ContentCatalog oneSearchPerNeed = catalog::find;
      DecisionPipeline perNeed = new DecisionPipeline(playbook, oneSearchPerNeed, PATIENT);
      DecisionPipeline same4 = new DecisionPipeline(fourRules, catalog, PATIENT);
      HandWrittenPlaybook java = new HandWrittenPlaybook(catalog);
      List<Group> groups = SyntheticGroups.generate(groupCount, NOW, 7);

      System.out.println();
      System.out.println("One decision for one group (both stages plus retrieval), single thread:");
      long searchesBefore = catalog.searches();
      long hitsBefore = catalog.hitsRead();
      long decodedBefore = catalog.itemsDecoded();
      int counted = Math.min(1000, groups.size());
      for (int i = 0; i < counted; i++) {
        full.decide(groups.get(i), NOW);
      }
      double searchesPerDecision = (catalog.searches() - searchesBefore) / (double) counted;
      double decodedPerDecision = (catalog.itemsDecoded() - decodedBefore) / (double) counted;
      double hitsPerDecision = (catalog.hitsRead() - hitsBefore) / (double) counted;
      // The needs each group's playbook decision tried, for the retrieval line below, worked out before the timing.
      Map<Group, List<Need>> playbookNeeds = new IdentityHashMap<>();
      for (Group group : singlesGroups(groups, singles)) {
        playbookNeeds.computeIfAbsent(group, g -> full.decide(g, NOW).needs());
      }
      // Interleaved, group by group, so that a busy machine slows every variant alike.
      List<Latencies> timed = singles(groups, singles, List.of(g -> full.decide(g, NOW), g -> perNeed.decide(g, NOW),
          g -> same4.decide(g, NOW), g -> java.decide(g, NOW),
          g -> java.decide(g, playbookNeeds.get(g), NOW)));
      Latencies playbookLatency = timed.get(0);
      Latencies perNeedLatency = timed.get(1);
      Latencies sameRulesLatency = timed.get(2);
      Latencies javaLatency = timed.get(3);
      Latencies retrievalLatency = timed.get(4);
      System.out.println("  default playbook (26 rules), Drools: " + playbookLatency.summary());
      System.out.printf("    Lucene searches per decision: %.2f, hits read: %.0f; items decoded (not in the item cache)"
          + " in the first %d decisions: %.1f a decision%n", searchesPerDecision, hitsPerDecision, counted,
          decodedPerDecision);
      System.out.println("  the same, one search per need:       " + perNeedLatency.summary());
      System.out.println("  the same 4 rules in Drools:          " + sameRulesLatency.summary());
      System.out.println("  the same 4 rules in plain Java:      " + javaLatency.summary() + "  <- baseline");
      System.out.println("  plain Java retrieving for the needs each playbook decision tried (one search per need):");
      System.out.println("                                       " + retrievalLatency.summary()
          + "  <- the playbook's retrieval, not the baseline");
      System.out.printf("  ratio playbook / its retrieval in plain Java: mean %.2f, p99 %.2f%n",
          playbookLatency.meanMillis() / retrievalLatency.meanMillis(),
          playbookLatency.percentileMillis(99) / retrievalLatency.percentileMillis(99));
      System.out.printf("  ratio playbook / Java: mean %.2f, p99 %.2f; one search per need / Java: mean %.2f, p99 %.2f;"
          + " Drools 4 rules / Java: mean %.2f%n",
          playbookLatency.meanMillis() / javaLatency.meanMillis(),
          playbookLatency.percentileMillis(99) / javaLatency.percentileMillis(99),
          perNeedLatency.meanMillis() / javaLatency.meanMillis(),
          perNeedLatency.percentileMillis(99) / javaLatency.percentileMillis(99),
          sameRulesLatency.meanMillis() / javaLatency.meanMillis());

      Latencies session = repeated(singles,
          () -> RuleStage.SETTINGS.run(playbook.active().rules().kieBase(), List.of(), RuleLimits.DEFAULT));
      System.out.println("  a fresh rule session (open, fire the settings stage, dispose): " + session.summary());
      Latencies pooled = repeated(singles, () -> {
        try (RuleSession reused = new RuleSession(playbook.active().rules().sessions(), List.of(), RuleLimits.DEFAULT,
            new RuleWatch(System.nanoTime() + RuleLimits.DEFAULT.timeBudget().toNanos()))) {
          reused.run(RuleStage.SETTINGS, List.of());
        }
      });
      System.out.println("  the same on a pooled session (take, fire, reset and hand back), as decisions do: "
          + pooled.summary());
      Latencies handoff = repeated(singles,
          () -> playbook.runner().run(() -> null, PATIENT.timeBudget(), () -> "nothing", IllegalStateException::new));
      System.out.println("  handing work to a rule thread and waiting for it, as every decision does: " + handoff.summary());

      System.out.println();
      int threads = Runtime.getRuntime().availableProcessors();
      System.out.printf("Batch: one decision for each of %d groups on %d threads:%n", groups.size(), threads);
      long decodedBeforeBatch = catalog.itemsDecoded();
      double playbookBatch = batch(groups, threads, g -> full.decide(g, NOW));
      double decodedInBatch = (catalog.itemsDecoded() - decodedBeforeBatch) / (double) groups.size();
      double javaBatch = batch(groups, threads, g -> java.decide(g, NOW));
      System.out.printf("  default playbook: %.1f s (%.0f decisions/s); items decoded: %.2f a decision%n", playbookBatch,
          groups.size() / playbookBatch, decodedInBatch);
      System.out.printf("  plain Java, 4 rules: %.1f s (%.0f decisions/s)  <- baseline%n", javaBatch,
          groups.size() / javaBatch);
      System.out.printf("  ratio playbook / Java = %.2f%n", playbookBatch / javaBatch);
    }
  }

  private static RuleBook compileAndReport(Path rulesDir) throws Exception {
    List<RuleSource> sources = new RuleFolder(rulesDir).read();
    RuleBook book = new RuleBook();
    long cold = System.nanoTime();
    CompiledRules first = book.compile(sources);
    double coldSeconds = (System.nanoTime() - cold) / 1e9;
    long warm = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      book.compile(varied(sources, i));
    }
    System.out.printf("Compile the playbook (%d rules): first %.2f s in this JVM, then %.2f s each%n",
        first.ruleNames().size(), coldSeconds, (System.nanoTime() - warm) / 5e9);
    book.activate(first, 1);
    return book;
  }

  private static void compileGenerated(Path rulesDir, int count) throws Exception {
    compileSeconds(varied(generatedSet(rulesDir, count / 2), 0));
    double half = compileSeconds(generatedSet(rulesDir, count / 2));
    List<RuleSource> sources = generatedSet(rulesDir, count);
    HeapPeak peak = HeapPeak.start();
    long start = System.nanoTime();
    CompiledRules compiled = new RuleBook().compile(sources);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf("Compile the playbook plus %d generated rules (%d rules): %.2f s, heap grew by up to %d MiB;"
        + " with %d generated rules %.2f s (time ratio %.2f for %.2f times the rules)%n", count,
        compiled.ruleNames().size(), seconds, peak.stop() >> 20, count / 2, half, seconds / half,
        (double) compiled.ruleNames().size() / (compiled.ruleNames().size() - count / 2));
  }

  /**
   * {@code sources} with a comment that differs for each {@code run}: the rule book reuses a set it has
   * compiled before, so a timed compile must never see the same text twice.
   */
  private static List<RuleSource> varied(List<RuleSource> sources, int run) {
    List<RuleSource> varied = new ArrayList<>(sources);
    RuleSource last = varied.remove(varied.size() - 1);
    varied.add(new RuleSource(last.file(), last.text() + "\n// benchmark run " + run + "\n"));
    return varied;
  }

  private static double compileSeconds(List<RuleSource> sources) throws Exception {
    long start = System.nanoTime();
    new RuleBook().compile(sources);
    return (System.nanoTime() - start) / 1e9;
  }

  private static List<RuleSource> generatedSet(Path rulesDir, int count) throws Exception {
    List<RuleSource> sources = new ArrayList<>(new RuleFolder(rulesDir).read());
    StringBuilder drl = new StringBuilder("package playbook.generated\nimport community.recommender.engine.model.*\n"
        + "ruleflow-group \"candidates\"\n");
    for (int i = 0; i < count; i++) {
      String interest = SyntheticLibrary.INTERESTS.get(i % SyntheticLibrary.INTERESTS.size());
      String region = SyntheticLibrary.REGIONS.get(i % SyntheticLibrary.REGIONS.size());
      drl.append("rule \"Generated rule ").append(i).append("\"\nwhen\n")
          .append("    $g : Group( portrait.region == \"").append(region).append("\", activity.level > ").append(i % 90)
          .append(" )\n    $c : Candidate( content.interests contains \"").append(interest).append("\" )\nthen\n")
          .append("    insert( new ScoreAdjustment($c, ").append(1 + i % 5).append(", \"generated ").append(i)
          .append("\") );\nend\n");
    }
    sources.add(new RuleSource("generated.drl", drl.toString()));
    return sources;
  }

  /** The groups {@link #singles} decides for: first its warm-up, then the ones it times. */
  private static List<Group> singlesGroups(List<Group> groups, int count) {
    List<Group> used = new ArrayList<>();
    for (int i = 0; i < Math.min(1000, count); i++) {
      used.add(groups.get(i % groups.size()));
    }
    for (int i = 0; i < count; i++) {
      used.add(groups.get((int) ((i * 7919L) % groups.size())));
    }
    return used;
  }

  /** Times each of {@code variants} deciding for the same groups, one group at a time, each in turn. */
  private static List<Latencies> singles(List<Group> groups, int count, List<Consumer<Group>> variants) {
    List<Group> used = singlesGroups(groups, count);
    int warmUp = used.size() - count;
    for (Group group : used.subList(0, warmUp)) {
      for (Consumer<Group> decide : variants) {
        decide.accept(group);
      }
    }
    List<Latencies> latencies = new ArrayList<>();
    variants.forEach(v -> latencies.add(new Latencies()));
    for (int i = 0; i < count; i++) {
      Group group = used.get(warmUp + i);
      for (int v = 0; v < variants.size(); v++) {
        // The first to run changes from group to group, so that no variant always follows the same one.
        int which = (v + i) % variants.size();
        long start = System.nanoTime();
        variants.get(which).accept(group);
        latencies.get(which).add(System.nanoTime() - start);
      }
    }
    return latencies;
  }

  /** Times {@code work} {@code count} times, after 1,000 untimed runs. */
  private static Latencies repeated(int count, Work work) throws Exception {
    Latencies latencies = new Latencies();
    for (int i = 0; i < count + 1000; i++) {
      long start = System.nanoTime();
      work.run();
      if (i >= 1000) {
        latencies.add(System.nanoTime() - start);
      }
    }
    return latencies;
  }

  /** Work that may throw. */
  private interface Work {
    void run() throws Exception;
  }

  private static double batch(List<Group> groups, int threads, Consumer<Group> decide) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong next = new AtomicLong();
    long start = System.nanoTime();
    List<Future<?>> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      workers.add(pool.submit(() -> {
        for (long i = next.getAndIncrement(); i < groups.size(); i = next.getAndIncrement()) {
          decide.accept(groups.get((int) i));
        }
      }));
    }
    for (Future<?> worker : workers) {
      worker.get();
    }
    pool.shutdown();
    return (System.nanoTime() - start) / 1e9;
  }

  private static int arg(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }

  /** The four rules the Java baseline implements, word for word as in the playbook. */
  private static final String FOUR_RULES = """
      package playbook.four
      import community.recommender.engine.model.*

      rule "Wake a quiet group with interaction before any offer" ruleflow-group "needs"
      when
          $g : Group( activity.band == ActivityBand.QUIET || activity.band == ActivityBand.DORMANT )
      then
          insert( Need.of(ContentKind.POST, "icebreaker", "topic").urgency(80).because("quiet") );
          insert( Need.of(ContentKind.ACTIVITY, "check-in", "game").urgency(70).because("quiet") );
      end

      rule "Offer something to a lively group that is in a good mood" ruleflow-group "needs"
      when
          Group( activity.band == ActivityBand.ACTIVE || activity.band == ActivityBand.HOT,
                 activity.complaintShare < 0.05 )
      then
          insert( Need.of(ContentKind.OFFER, "group-buy", "coupon").urgency(55).because("lively") );
      end

      rule "Never sell to a quiet group" ruleflow-group "candidates"
      when
          Group( activity.band == ActivityBand.QUIET || activity.band == ActivityBand.DORMANT )
          $c : Candidate( kind == ContentKind.OFFER )
      then
          insert( new Veto($c, "quiet") );
      end

      rule "Prefer content made for the group's interests" ruleflow-group "candidates"
      when
          $g : Group()
          $c : Candidate( content.servesAnyOf($g.portrait.interests) )
      then
          insert( new ScoreAdjustment($c, 15, "interests") );
      end
      """;
}

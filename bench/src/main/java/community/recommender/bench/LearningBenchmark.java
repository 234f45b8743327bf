package community.recommender.bench;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.learning.EngagementModel;
import community.recommender.engine.learning.Evidence;
import community.recommender.engine.learning.LearningChoice;
import community.recommender.engine.learning.Observation;
import community.recommender.engine.learning.Segment;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ActivityDetails;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.OfferDetails;
import community.recommender.engine.model.Outcome;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Portrait;
import community.recommender.engine.model.Stage;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleSource;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Simulates 60 days of decisions and outcomes with three arbiters over the same synthetic groups and
 * library, each hiding a true engagement rate per item and segment: the rules alone (learning off),
 * rules plus learning (Thompson sampling, learning on), and an oracle that knows the true rates
 * (learning on, reading a model built from them). Then times one decision with learning and one
 * without, in the same run.
 *
 * <p>Usage: {@code java -cp ... community.recommender.bench.LearningBenchmark [groups=150] [days=60]
 * [rules=rules] [seed=7] [newItemDay=5]}. Everything is seeded: the same arguments give the same figures.
 */
public final class LearningBenchmark {
  private static final Instant START = Instant.parse("2026-03-02T00:00:00Z");
  private static final List<String> INTERESTS = List.of("coffee", "tea", "outdoor", "parenting", "car");
  private static final List<String> POST_TAGS = List.of("welcome", "morning-news", "icebreaker", "topic", "knowledge",
      "story-invitation", "scene", "after-sales", "new-product", "care", "faq");
  private static final List<String> ACTIVITY_TAGS = List.of("salon", "check-in", "game", "contest");
  private static final List<String> OFFER_TAGS = List.of("group-buy", "coupon");
  /**
   * The day a new, very engaging post joins the library. It is made for every interest, so that the
   * catalog ranks it with the posts made for a group's interest and the rules score it as they score
   * those: it competes with fresh items on equal terms, and only its outcomes set it apart.
   */
  private static final int NEW_ITEM_DAY = 5;
  /** The day the new post joins in this run: {@link #NEW_ITEM_DAY} unless the fifth argument says otherwise. */
  private final int newItemDay;
  /** Its id sorts after every other post's, so that the rules' tie-break (the smaller id) never favours it. */
  private static final String NEW_ITEM = "post-zz-new-star";
  private static final double NEW_ITEM_RATE = 0.45;

  private final List<Group> groups;
  private final List<ContentItem> library;
  private final ContentItem newItem;
  private final Map<String, Double> quality = new HashMap<>();
  private final long seed;

  private LearningBenchmark(int groupCount, long seed, int newItemDay) {
    this.seed = seed;
    this.newItemDay = newItemDay;
    Random random = new Random(seed);
    this.library = generateLibrary(random);
    this.newItem = ContentItem.builder(NEW_ITEM, ContentKind.POST, "A new post members love")
        .tags(List.of("knowledge", "topic")).interests(INTERESTS).build();
    for (ContentItem item : library) {
      double roll = random.nextDouble();
      double q = roll < 0.1 ? random.nextDouble() * 0.02 : roll < 0.8 ? 0.03 + random.nextDouble() * 0.09
          : 0.15 + random.nextDouble() * 0.20;
      quality.put(item.getId(), item.getKind() == ContentKind.OFFER ? q * 0.6 : q);
    }
    quality.put(NEW_ITEM, NEW_ITEM_RATE);
    this.groups = generateGroups(groupCount, random);
  }

  /** The hidden true reward rate of {@code item} in {@code segment}: its quality times a fixed segment affinity. */
  double trueRate(String contentId, Segment segment) {
    if (contentId.equals(NEW_ITEM)) {
      return NEW_ITEM_RATE;
    }
    long h = new SplittableRandom(seed ^ contentId.hashCode() * 31L ^ segment.toString().hashCode()).nextLong();
    double affinity = 0.5 + new SplittableRandom(h).nextDouble();
    return Math.min(0.9, quality.get(contentId) * affinity);
  }

  public static void main(String[] args) throws Exception {
    int groupCount = args.length > 0 ? Integer.parseInt(args[0]) : 150;
    int days = args.length > 1 ? Integer.parseInt(args[1]) : 60;
    Path rulesDir = Path.of(args.length > 2 ? args[2] : "rules");
    long seed = args.length > 3 ? Long.parseLong(args[3]) : 7;
    int newItemDay = args.length > 4 ? Integer.parseInt(args[4]) : NEW_ITEM_DAY;
    LearningBenchmark bench = new LearningBenchmark(groupCount, seed, newItemDay);
    System.out.printf("Learning benchmark: %d groups, %d items (+1 new on day %d), %d days, seed %d, %d cores%n",
        groupCount, bench.library.size(), newItemDay, days, seed, Runtime.getRuntime().availableProcessors());

    RuleBook off = book(rulesDir, "off");
    RuleBook on = book(rulesDir, "on");
    Run rules = bench.simulate("rules alone", off, days, Run.Model.NONE);
    Run learning = bench.simulate("rules + learning", on, days, Run.Model.LEARNED);
    Run oracle = bench.simulate("oracle", on, days, Run.Model.ORACLE);
    System.out.println();
    System.out.println("| arbiter | posts | cumulative expected reward | share of oracle | observed reward | "
        + "new item: first post (day) | groups that had it after its first day | half the groups had it (day) | "
        + "groups that got it within 10 days | offers posted | offers explored |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    for (Run run : List.of(rules, learning, oracle)) {
      System.out.printf("| %s | %d | %.1f | %.1f%% | %.1f | %s | %d | %s | %d of %d | %d | %d (%.1f%%) |%n", run.name,
          run.posts, run.expected, 100 * run.expected / oracle.expected, run.observed,
          run.newItemFirstDay < 0 ? "never" : String.valueOf(run.newItemFirstDay), run.newItemGroupsFirstDay,
          run.newItemHalfDay < 0 ? "never" : String.valueOf(run.newItemHalfDay), run.newItemGroupsIn10Days,
          groupCount, run.offers, run.offersExplored, run.offers == 0 ? 0.0 : 100.0 * run.offersExplored / run.offers);
    }
    bench.timeDecisions(off, on, learning.finalModel);
  }

  private static RuleBook book(Path rulesDir, String learning) throws Exception {
    RuleBook book = new RuleBook();
    List<RuleSource> sources = new ArrayList<>();
    for (RuleSource source : new RuleFolder(rulesDir).read()) {
      sources.add(new RuleSource(source.file(),
          source.text().replace(".learning(\"shadow\")", ".learning(\"" + learning + "\")")));
    }
    book.activate(book.compile(sources), 1);
    return book;
  }

  /** One arbiter's 60 days. */
  private static final class Run {
    enum Model { NONE, LEARNED, ORACLE }

    final String name;
    long posts;
    double expected;
    double observed;
    int newItemFirstDay = -1;
    int newItemGroupsFirstDay;
    int newItemGroupsIn10Days;
    int newItemHalfDay = -1;
    long offers;
    long offersExplored;
    EngagementModel finalModel = EngagementModel.EMPTY;

    Run(String name) {
      this.name = name;
    }
  }

  private Run simulate(String name, RuleBook book, int days, Run.Model kind) {
    long started = System.nanoTime();
    Run run = new Run(name);
    Map<String, List<PastSuggestion>> history = new HashMap<>();
    Map<String, Map<Segment, Evidence>> evidence = new HashMap<>();
    Map<String, ContentItem> byId = new HashMap<>();
    library.forEach(item -> byId.put(item.getId(), item));
    byId.put(NEW_ITEM, newItem);
    EngagementModel[] model = {kind == Run.Model.ORACLE ? oracleModel(List.of()) : EngagementModel.EMPTY};
    Supplier<EngagementModel> snapshot = () -> model[0];
    List<ContentItem> current = new ArrayList<>(library);
    InMemoryCatalog catalog = new InMemoryCatalog(current, seed);
    DecisionPipeline pipeline = new DecisionPipeline(book, catalog, RuleLimits.DEFAULT, snapshot);
    SplittableRandom outcomes = new SplittableRandom(seed * 1_000_003L);
    Set<String> gotNewItem = new HashSet<>();
    for (int day = 0; day < days; day++) {
      if (day == newItemDay) {
        // Added last, as the newest item is; the catalog ranks it among its equals by the seeded shuffle.
        current.add(newItem);
        if (kind == Run.Model.ORACLE) {
          model[0] = oracleModel(List.of(newItem));
        }
      }
      for (int slot = 0; slot < 2; slot++) {
        Instant now = START.plus(Duration.ofDays(day)).plus(Duration.ofHours(2 + 6L * slot));
        for (Group template : groups) {
          Group group = template.asOf(now);
          List<PastSuggestion> past = history.computeIfAbsent(group.getId(), id -> new ArrayList<>());
          List<PastSuggestion> seen = past.stream().map(p -> p.at(now)).toList();
          Decision decision = pipeline.decide(group, seen, now);
          if (decision.winner().isEmpty()) {
            continue;
          }
          ContentItem item = decision.winner().get();
          Segment segment = Segment.of(group);
          long active = Segment.activeMembers(group);
          double rate = trueRate(item.getId(), segment);
          long engaged = 0;
          for (long m = 0; m < active; m++) {
            if (outcomes.nextDouble() < rate) {
              engaged++;
            }
          }
          double reward = engaged / (double) active;
          run.posts++;
          run.expected += rate;
          run.observed += reward;
          if (item.getKind() == ContentKind.OFFER) {
            run.offers++;
            if (decision.learning().map(LearningChoice::best).map(d -> d.explored()).orElse(false)
                && decision.learning().get().learningChoice().equals(item.getId())) {
              run.offersExplored++;
            }
          }
          if (item.getId().equals(NEW_ITEM)) {
            if (run.newItemFirstDay < 0) {
              run.newItemFirstDay = day;
            }
            gotNewItem.add(group.getId());
            if (day == newItemDay) {
              run.newItemGroupsFirstDay = gotNewItem.size();
            }
            if (day < newItemDay + 10) {
              run.newItemGroupsIn10Days = gotNewItem.size();
            }
            if (run.newItemHalfDay < 0 && 2 * gotNewItem.size() >= groups.size()) {
              run.newItemHalfDay = day;
            }
          }
          past.add(new PastSuggestion(item.getId(), item.getKind(), item.getTags(), now, true, Outcome.POSTED, now, now));
          evidence.computeIfAbsent(item.getId(), id -> new HashMap<>())
              .merge(segment, new Evidence(1, reward), Evidence::plus);
        }
      }
      if (kind == Run.Model.LEARNED) {
        // Reports arrive within the day; each node's snapshot has them by the next morning.
        model[0] = EngagementModel.of(observations(evidence, byId));
      }
    }
    run.finalModel = EngagementModel.of(observations(evidence, byId));
    System.out.printf("%s: %d posts in %.1f s%n", name, run.posts, (System.nanoTime() - started) / 1e9);
    return run;
  }

  private static List<Observation> observations(Map<String, Map<Segment, Evidence>> evidence,
      Map<String, ContentItem> byId) {
    List<Observation> observations = new ArrayList<>();
    evidence.forEach((id, bySegment) -> bySegment.forEach((segment, e) -> {
      ContentItem item = byId.get(id);
      observations.add(new Observation(id, item.getKind(), item.getTags(), segment, e));
    }));
    return observations;
  }

  /** A model that knows every true rate, as if from a million posts of every item in every segment. */
  private EngagementModel oracleModel(List<ContentItem> extra) {
    List<Observation> observations = new ArrayList<>();
    List<ContentItem> items = new ArrayList<>(library);
    items.addAll(extra);
    Set<Segment> segments = new HashSet<>();
    for (Group group : groups) {
      for (int day = 0; day <= 60; day += 5) {
        segments.add(Segment.of(group.asOf(START.plus(Duration.ofDays(day)))));
      }
    }
    long posts = 1_000_000;
    for (ContentItem item : items) {
      for (Segment segment : segments) {
        observations.add(new Observation(item.getId(), item.getKind(), item.getTags(), segment,
            new Evidence(posts, posts * trueRate(item.getId(), segment))));
      }
    }
    return EngagementModel.of(observations);
  }

  /** Times decisions with learning off and on, interleaved, over the same groups and final histories. */
  private void timeDecisions(RuleBook off, RuleBook on, EngagementModel model) {
    List<ContentItem> all = new ArrayList<>(library);
    all.add(newItem);
    InMemoryCatalog catalog = new InMemoryCatalog(all, seed);
    DecisionPipeline without = new DecisionPipeline(off, catalog, RuleLimits.DEFAULT, () -> model);
    DecisionPipeline with = new DecisionPipeline(on, catalog, RuleLimits.DEFAULT, () -> model);
    Instant now = START.plus(Duration.ofDays(61)).plus(Duration.ofHours(2));
    for (int i = 0; i < 2_000; i++) {
      Group group = groups.get(i % groups.size()).asOf(now);
      without.decide(group, List.of(), now);
      with.decide(group, List.of(), now);
    }
    Latencies offTimes = new Latencies();
    Latencies onTimes = new Latencies();
    for (int i = 0; i < 6_000; i++) {
      Group group = groups.get(i % groups.size()).asOf(now);
      boolean onFirst = i % 2 == 0;
      for (int k = 0; k < 2; k++) {
        boolean learning = onFirst == (k == 0);
        long t0 = System.nanoTime();
        (learning ? with : without).decide(group, List.of(), now);
        (learning ? onTimes : offTimes).add(System.nanoTime() - t0);
      }
    }
    System.out.println();
    System.out.println("One decision (default playbook, in-memory catalog of " + all.size() + " items, model of "
        + model.posts() + " posts):");
    System.out.println("  learning off: " + offTimes.summary());
    System.out.println("  learning on:  " + onTimes.summary());
    System.out.printf("  ratio on/off: mean %.3f, p50 %.3f%n", onTimes.meanMillis() / offTimes.meanMillis(),
        onTimes.percentileMillis(50) / offTimes.percentileMillis(50));
  }

  private static List<ContentItem> generateLibrary(Random random) {
    List<ContentItem> items = new ArrayList<>();
    int posts = 400;
    int activities = 120;
    int offers = 80;
    for (int i = 0; i < posts + activities + offers; i++) {
      ContentKind kind = i < posts ? ContentKind.POST : i < posts + activities ? ContentKind.ACTIVITY : ContentKind.OFFER;
      List<String> tags = switch (kind) {
        case POST -> List.of(pick(POST_TAGS, random), pick(POST_TAGS, random)).stream().distinct().toList();
        case ACTIVITY -> List.of(pick(ACTIVITY_TAGS, random));
        case OFFER -> List.of(pick(OFFER_TAGS, random));
      };
      ContentItem.Builder item = ContentItem.builder(String.format("%s-%04d", kind.name().toLowerCase(), i), kind,
          "item " + i)
          .tags(tags)
          .interests(random.nextDouble() < 0.4 ? List.of() : List.of(pick(INTERESTS, random)));
      if (kind == ContentKind.ACTIVITY) {
        item.activity(new ActivityDetails(tags.get(0), null, null, 50));
      }
      if (kind == ContentKind.OFFER) {
        item.offer(new OfferDetails(BigDecimal.valueOf(9 + random.nextInt(200)), null, "CNY", 100, 5, null));
      }
      items.add(item.build());
    }
    return items;
  }

  private static List<Group> generateGroups(int size, Random random) {
    List<Group> groups = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      int members = 40 + random.nextInt(260);
      double perMember = random.nextDouble() < 0.1 ? 0.05 : 0.4 + random.nextDouble() * 1.2;
      long messages = Math.round(members * perMember);
      ActivityCounts week = new ActivityCounts(messages, Math.max(1, messages / 3), random.nextInt(4), 0,
          messages / 2, messages / 10, random.nextInt(3), 0);
      ActivityCounts month = new ActivityCounts(messages * 4, messages, week.getJoins() * 3, 0, messages * 2,
          messages / 3, week.getOrders() * 4, 0);
      Portrait portrait = Portrait.named("group " + i)
          .interests(List.of(pick(INTERESTS, random)))
          .timezone(ZoneId.of("UTC"))
          .memberCount(members)
          .kocCount(random.nextInt(4))
          .build();
      Instant created = START.minus(Duration.ofDays(5 + random.nextInt(400)));
      groups.add(Group.assess("g-" + i, portrait, week, month, created, created, START));
    }
    return groups;
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  /**
   * The catalog port over a list, ranked as the index ranks: items of the query's kind, tags, region and
   * language, one point for each interest they share with the group, best first. The index breaks ties
   * by document order, which puts the oldest item first; this catalog breaks them by a seeded shuffle
   * of the ids instead, the same on every page, so that neither the oldest nor the newest item gets
   * the first place for free.
   */
  private static final class InMemoryCatalog implements ContentCatalog {
    private final List<ContentItem> items;
    private final long seed;

    InMemoryCatalog(List<ContentItem> items, long seed) {
      this.items = items;
      this.seed = seed;
    }

    @Override
    public List<ContentMatch> find(CandidateQuery query) {
      return items.stream()
          .filter(i -> i.getKind() == query.kind())
          .filter(i -> query.tags().isEmpty() || query.tags().stream().anyMatch(i::hasTag))
          .filter(i -> i.availableIn(query.region()))
          .filter(i -> i.getLanguage().equals(query.language()))
          .map(i -> new ContentMatch(i, i.getInterests().stream().filter(query.interests()::contains).count()))
          .sorted(Comparator.comparingDouble(ContentMatch::relevance).reversed()
              .thenComparingLong(m -> shufflePlace(m.item().getId())))
          .skip(query.offset())
          .limit(query.limit())
          .toList();
    }

    /** Where {@code contentId} falls among equally relevant items: random, but fixed by the seed. */
    private long shufflePlace(String contentId) {
      return new SplittableRandom(seed ^ contentId.hashCode() * 0x9E3779B97F4A7C15L).nextLong();
    }
  }
}

package community.recommender.web.application.demo;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.content.format.SampleLibrary;
import community.recommender.content.index.ContentIndex;
import community.recommender.content.index.LuceneContentCatalog;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.journey.Journey;
import community.recommender.engine.journey.JourneySimulation;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.store.PortraitDocument;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every demo group's next month under the default playbook, over the real sample library in a Lucene
 * index on disk: the demo shows the cycle. Also prints what a journey costs next to one decision,
 * measured in the same run.
 */
class DemoJourneysTest {
  /** The test clock's start: a Monday, never today. */
  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final int DAYS = 30;

  @TempDir static Path indexDir;
  private static ContentIndex index;
  private static DecisionPipeline pipeline;
  private static RuleSet rules;
  private static List<Group> groups;

  @BeforeAll
  static void indexSamplesLoadRulesAndDemoGroups() throws Exception {
    index = ContentIndex.open(indexDir);
    List<ContentItem> samples = SampleLibrary.read(Path.of("..", "content-library", "samples"));
    index.apply(samples, samples.size());
    RuleBook book = new RuleBook();
    book.activate(book.compile(new RuleFolder(Path.of("..", "rules")).read()), 1);
    rules = book.active();
    pipeline = new DecisionPipeline(book, new LuceneContentCatalog(index));
    groups = demoGroups();
  }

  @AfterAll
  static void closeIndex() {
    index.close();
  }

  @Test
  void theDemo_showsTheCycle_postsActivitiesAndOffers() {
    JourneySimulation simulation = new JourneySimulation(pipeline);
    int offers = 0;
    int activities = 0;
    for (Group group : groups) {
      Journey journey = simulation.run(group, List.of(), NOW, DAYS, rules);
      assertThat(journey.kinds().get(ContentKind.POST)).as(group.getId()).isPositive();
      offers += journey.kinds().get(ContentKind.OFFER);
      activities += journey.kinds().get(ContentKind.ACTIVITY);
    }
    assertThat(offers).isPositive();
    assertThat(activities).isPositive();
  }

  /** Issue 11: every demo group's 30-day journey over the sample library has no stall. */
  @Test
  void everyDemoGroup_getsSomethingForThirtyDays_withoutAStall() {
    JourneySimulation simulation = new JourneySimulation(pipeline);
    Map<String, Integer> stalls = new LinkedHashMap<>();
    for (Group group : groups) {
      Journey journey = simulation.run(group, List.of(), NOW, DAYS, rules);
      System.out.printf("journey %s: %d sent %s, %d held, %d stalled%n", group.getId(), journey.sent().size(),
          journey.kinds(), journey.holds().size(), journey.stalls().size());
      stalls.put(group.getId(), journey.stalls().size());
    }
    assertThat(stalls).allSatisfy((id, n) -> assertThat(n).as(id + " stalls").isZero());
  }

  @Test
  void whatAJourneyCosts_nextToOneDecision() {
    JourneySimulation simulation = new JourneySimulation(pipeline);
    Group coffee = groups.get(0);
    for (int warm = 0; warm < 3; warm++) {
      simulation.run(coffee, List.of(), NOW, DAYS, rules);
    }
    int decisions = 200;
    long start = System.nanoTime();
    for (int i = 0; i < decisions; i++) {
      pipeline.decide(coffee, List.of(), NOW, rules);
    }
    double decisionMs = (System.nanoTime() - start) / 1e6 / decisions;
    start = System.nanoTime();
    Journey one = simulation.run(coffee, List.of(), NOW, DAYS, rules);
    double oneMs = (System.nanoTime() - start) / 1e6;
    start = System.nanoTime();
    int steps = 0;
    for (Group group : groups) {
      steps += simulation.run(group, List.of(), NOW, DAYS, rules).steps().size();
    }
    double allMs = (System.nanoTime() - start) / 1e6;
    System.out.printf("journey cost: one decision %.2f ms; one group x %d days %.0f ms (%d decisions);"
        + " all %d demo groups x %d days %.0f ms (%d decisions)%n", decisionMs, DAYS, oneMs, one.steps().size(),
        groups.size(), DAYS, allMs, steps);

    assertThat(one.steps()).isNotEmpty();
    assertThat(oneMs).isGreaterThan(decisionMs);
  }

  private static List<Group> demoGroups() throws IOException {
    JsonArray demo;
    try (InputStream in = DemoData.class.getResourceAsStream("/demo/groups.json")) {
      demo = new JsonArray(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Group> groups = new ArrayList<>();
    for (Object entry : demo) {
      JsonObject group = (JsonObject) entry;
      ActivityCounts lastWeek = counts(group.getJsonObject("lastWeek"));
      ActivityCounts before = counts(group.getJsonObject("threeWeeksBefore"));
      ActivityCounts month = new ActivityCounts(lastWeek.getMessages() + before.getMessages(),
          lastWeek.getActiveMembers() + before.getActiveMembers(), lastWeek.getJoins() + before.getJoins(),
          lastWeek.getLeaves() + before.getLeaves(), lastWeek.getReactions() + before.getReactions(),
          lastWeek.getClicks() + before.getClicks(), lastWeek.getOrders() + before.getOrders(),
          lastWeek.getComplaints() + before.getComplaints());
      groups.add(Group.assess(group.getString("id"), PortraitDocument.read(group.getJsonObject("portrait")),
          lastWeek, month, NOW.minus(Duration.ofDays(group.getInteger("createdDaysAgo"))),
          NOW.minus(Duration.ofDays(28)), NOW));
    }
    return groups;
  }

  private static ActivityCounts counts(JsonObject json) {
    return new ActivityCounts(json.getLong("messages"), json.getLong("activeMembers"), json.getLong("joins"),
        json.getLong("leaves"), json.getLong("reactions"), json.getLong("clicks"), json.getLong("orders"),
        json.getLong("complaints"));
  }
}

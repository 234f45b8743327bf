package community.recommender.web;

import static org.assertj.core.api.Assertions.assertThat;

import community.recommender.web.server.ServerConfig;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Learning switched on, tried as a new user would over HTTP: an operator turns it on in the playbook,
 * an editor adds two posts of the same kind, chat tools report how members engaged, and new decisions
 * follow. The server runs on a clock that stands still until the test moves it, so every decision's
 * seed, and with it every draw, is the same on every run; and on an outcome window of 12 hours
 * instead of the default 48.
 */
class LearningChoosesApiTest {
  private static final Duration WINDOW = Duration.ofHours(12);
  private static final String SEGMENT_INTEREST = "learn-ab";
  private static final int TRAINING_GROUPS = 20;
  private static final int NEW_GROUPS = 40;
  private static final String LEARNING_RULE = "Learning: the item members of this segment engaged with most";

  private static final StandingClock CLOCK = new StandingClock(TestServer.START);
  @RegisterExtension static final ServerPerClass server = ServerPerClass.configured(folder ->
      new ServerConfig(0, folder.resolve("data"), null, TestServer.copyOfRules(folder.resolve("rules")),
          TestServer.SAMPLES, false).with(TestServer.UNLIMITED).withOutcomeWindow(WINDOW)).on(CLOCK);
  private static String operator;

  @BeforeAll
  static void start() throws IOException {
    operator = server.token(Role.OPERATOR);
    String editor = server.token(Role.EDITOR);

    String settings = Files.readString(TestServer.RULES.resolve("playbook-settings.drl"));
    assertThat(settings).contains(".learning(\"shadow\")");
    HttpResponse<String> learningOn = server.putText("/api/v1/rules/playbook-settings.drl", operator,
        settings.replace(".learning(\"shadow\")", ".learning(\"on\")"));
    assertThat(learningOn.statusCode()).as(learningOn.body()).isEqualTo(200);

    for (String id : List.of("ab-post-1", "ab-post-2")) {
      HttpResponse<String> created = server.postJson("/api/v1/content", editor, new JsonObject().put("id", id)
          .put("kind", "POST").put("title", "话题讨论 " + id).put("language", "zh").put("status", "published")
          .put("tags", new JsonArray().add("topic").add("knowledge").add("icebreaker"))
          .put("body", "聊聊你最近的发现。").encode());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }
  }

  @Test
  void anItemWhosePostsEngageMore_isChosenClearlyMoreOften_andTheExplanationSaysWhy() {
    List<String> training = new ArrayList<>();
    for (int i = 0; i < TRAINING_GROUPS; i++) {
      training.add(createGroup(String.format("ab-train-%02d", i)));
    }

    List<JsonObject> firstRound = training.stream().map(LearningChoosesApiTest::decide).toList();
    String favoured = learning(firstRound.get(0)).getString("rulesChoice");
    String underdog = favoured.equals("ab-post-1") ? "ab-post-2" : "ab-post-1";
    assertThat(firstRound).as("the rules alone prefer the same post for every group of the segment")
        .allSatisfy(s -> assertThat(learning(s).getString("rulesChoice")).isEqualTo(favoured));
    long underdogBefore = firstRound.stream().filter(s -> contentOf(s).equals(underdog)).count();
    firstRound.forEach(s -> reportEngagement(s, underdog));

    // A day later pacing lets each group post again, and no-repeat leaves it only the other post.
    CLOCK.advance(Duration.ofDays(1));
    List<JsonObject> secondRound = training.stream().map(LearningChoosesApiTest::decide).toList();
    secondRound.forEach(s -> reportEngagement(s, underdog));
    server.refreshEngagement();

    List<JsonObject> fresh = new ArrayList<>();
    for (int i = 0; i < NEW_GROUPS; i++) {
      fresh.add(decide(createGroup(String.format("ab-new-%02d", i))));
    }
    long underdogAfter = fresh.stream().filter(s -> contentOf(s).equals(underdog)).count();

    assertThat(underdogBefore).as("before any outcome, the post the rules do not prefer wins only by exploring")
        .isLessThanOrEqualTo(TRAINING_GROUPS / 5);
    assertThat(underdogAfter).as("after its posts engaged members far more, it wins nearly every decision")
        .isGreaterThanOrEqualTo(NEW_GROUPS * 9L / 10);

    JsonObject chosen = fresh.stream().filter(s -> contentOf(s).equals(underdog)).findFirst().orElseThrow();
    JsonObject learning = learning(chosen);
    assertThat(learning.getString("mode")).isEqualTo("ON");
    assertThat(learning.getString("rulesChoice")).isEqualTo(favoured);
    assertThat(learning.getString("learningChoice")).isEqualTo(underdog);
    assertThat(learning.getString("seed")).isNotBlank();
    JsonObject winner = drawOf(learning, underdog);
    JsonObject runnerUp = drawOf(learning, favoured);
    assertThat(winner.getJsonObject("posterior").getLong("posts")).isEqualTo(TRAINING_GROUPS);
    assertThat(winner.getJsonObject("posterior").getString("basis")).isEqualTo("SEGMENT");
    assertThat(winner.getJsonObject("posterior").getDouble("mean")).isGreaterThan(0.5);
    assertThat(runnerUp.getJsonObject("posterior").getDouble("mean")).isLessThan(0.1);
    assertThat(winner.getDouble("draw")).isGreaterThan(runnerUp.getDouble("draw"));
    assertThat(winner.getInteger("bonus")).isEqualTo(20);
    assertThat(winner.getInteger("total")).isGreaterThan(runnerUp.getInteger("total"));
    JsonObject reason = chosen.getJsonArray("reasons").stream().map(JsonObject.class::cast)
        .filter(r -> r.getString("rule").equals(LEARNING_RULE)).findFirst().orElseThrow();
    assertThat(reason.getString("message")).contains(TRAINING_GROUPS + " posts in")
        .contains("the rules alone would have chosen " + favoured);
  }

  @Test
  void aNonDefaultOutcomeWindow_closesMetrics_andCountsASilentPost_afterItsOwnHours() {
    Instant now = CLOCK.instant();
    JsonObject late = decide(createGroup("window-late"));
    assertThat(report(late, now.minus(WINDOW).minus(Duration.ofHours(1)), 2).statusCode()).isEqualTo(200);
    HttpResponse<String> grownLate = report(late, null, 5);
    assertThat(grownLate.statusCode()).as("13 hours after posting, a 12-hour window is closed").isEqualTo(409);
    JsonObject error = new JsonObject(grownLate.body()).getJsonObject("error");
    assertThat(error.getString("field")).isEqualTo("metrics");
    assertThat(error.getString("message")).contains("12 hours after postedAt");

    JsonObject recent = decide(createGroup("window-recent"));
    assertThat(report(recent, now.minus(WINDOW).plus(Duration.ofHours(1)), 2).statusCode()).isEqualTo(200);
    assertThat(report(recent, null, 5).statusCode()).as("11 hours after posting, it is still open").isEqualTo(200);

    JsonObject silentClosed = decide(createGroup("window-silent-closed"));
    JsonObject silentOpen = decide(createGroup("window-silent-open"));
    assertThat(report(silentClosed, now.minus(Duration.ofHours(13)), -1).statusCode()).isEqualTo(200);
    assertThat(report(silentOpen, now.minus(Duration.ofHours(11)), -1).statusCode()).isEqualTo(200);
    server.refreshEngagement();

    JsonObject closed = segmentPerformance(contentOf(silentClosed), "window-silent-closed");
    assertThat(closed).as("a post silent past its 12-hour window counts, with no engagement").isNotNull();
    assertThat(closed.getLong("posts")).isEqualTo(1);
    assertThat(closed.getDouble("reward")).isZero();
    assertThat(segmentPerformance(contentOf(silentOpen), "window-silent-open"))
        .as("a silent post still inside its window does not count yet").isNull();
  }

  /** Creates a 50-member group of {@code interest}'s segment ({@link #SEGMENT_INTEREST} unless a window test's own). */
  private static String createGroup(String id) {
    String interest = id.startsWith("ab-") ? SEGMENT_INTEREST : id;
    HttpResponse<String> put = server.put("/api/v1/groups/" + id, operator, new JsonObject().put("name", id)
        .put("interests", new JsonArray().add(interest)).put("region", "CN-SH-Shanghai").put("language", "zh")
        .put("memberCount", 50).encode());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
    return id;
  }

  private static JsonObject decide(String groupId) {
    HttpResponse<String> poll = server.get("/api/v1/groups/" + groupId + "/suggestion?explain=true", operator);
    assertThat(poll.statusCode()).as(groupId + ": " + poll.body()).isEqualTo(200);
    return new JsonObject(poll.body());
  }

  /** Reports {@code suggestion} posted: 20 reactions and 10 clicks for {@code engaging}, one reaction otherwise. */
  private static void reportEngagement(JsonObject suggestion, String engaging) {
    boolean engaged = contentOf(suggestion).equals(engaging);
    JsonObject metrics = engaged ? new JsonObject().put("reactions", 20).put("clicks", 10)
        : new JsonObject().put("reactions", 1);
    HttpResponse<String> answer = server.postJson("/api/v1/suggestions/" + suggestion.getString("id") + "/feedback",
        operator, new JsonObject().put("outcome", "posted").put("metrics", metrics).encode());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
  }

  /** Reports {@code suggestion} posted at {@code postedAt} (or now) with {@code reactions}, or none when negative. */
  private static HttpResponse<String> report(JsonObject suggestion, Instant postedAt, int reactions) {
    JsonObject body = new JsonObject().put("outcome", "posted");
    if (postedAt != null) {
      body.put("postedAt", postedAt.toString());
    }
    if (reactions >= 0) {
      body.put("metrics", new JsonObject().put("reactions", reactions));
    }
    return server.postJson("/api/v1/suggestions/" + suggestion.getString("id") + "/feedback", operator, body.encode());
  }

  private static JsonObject segmentPerformance(String contentId, String interest) {
    HttpResponse<String> answer = server.get("/api/v1/content/" + contentId + "/performance", operator);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return new JsonObject(answer.body()).getJsonArray("segments").stream().map(JsonObject.class::cast)
        .filter(s -> s.getString("interest").equals(interest)).findFirst().orElse(null);
  }

  private static String contentOf(JsonObject suggestion) {
    return suggestion.getJsonObject("content").getString("id");
  }

  private static JsonObject learning(JsonObject suggestion) {
    return suggestion.getJsonObject("explanation").getJsonObject("learning");
  }

  private static JsonObject drawOf(JsonObject learning, String contentId) {
    return learning.getJsonArray("draws").stream().map(JsonObject.class::cast)
        .filter(d -> d.getString("contentId").equals(contentId)).findFirst().orElseThrow();
  }

  /** A clock that stands still until the test moves it on. */
  private static final class StandingClock extends Clock {
    private final AtomicReference<Instant> now;

    StandingClock(Instant start) {
      this.now = new AtomicReference<>(start);
    }

    void advance(Duration by) {
      now.updateAndGet(t -> t.plus(by));
    }

    @Override
    public Instant instant() {
      return now.get();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      if (!zone.equals(ZoneOffset.UTC)) {
        throw new UnsupportedOperationException("the server reads UTC");
      }
      return this;
    }
  }
}

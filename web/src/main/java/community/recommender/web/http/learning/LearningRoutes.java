package community.recommender.web.http.learning;

import community.recommender.content.format.ContentValidator;
import community.recommender.web.application.learning.ContentPerformance;
import community.recommender.web.application.learning.LearningService;
import community.recommender.web.http.ApiError;
import community.recommender.web.http.QueryParam;
import community.recommender.web.http.Responses;
import community.recommender.web.http.Routes;
import community.recommender.web.http.TokenAuthHandler;
import community.recommender.web.store.EngagementStore;
import community.recommender.web.store.Role;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * What learning knows: {@code GET /api/v1/content/{id}/performance} (per segment: posts, reward,
 * posterior) and {@code GET /api/v1/learning/shadow} (how often learning agreed with the rules, and the
 * engagement of each).
 */
public final class LearningRoutes implements Routes {
  private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);
  private static final Set<String> MODES = Set.of("shadow", "on");

  private final LearningService learning;
  private final Clock clock;

  public LearningRoutes(LearningService learning, Clock clock) {
    this.learning = learning;
    this.clock = clock;
  }

  @Override
  public void mount(Router router) {
    router.get("/api/v1/content/:id/performance").handler(TokenAuthHandler.requireRole(Role.EDITOR, Role.OPERATOR))
        .handler(this::performance);
    router.get("/api/v1/learning/shadow").handler(TokenAuthHandler.requireRole(Role.OPERATOR)).handler(this::shadow);
  }

  private void performance(RoutingContext ctx) {
    String id = ctx.pathParam("id");
    if (!ContentValidator.ID.matcher(id).matches()) {
      throw ApiError.invalid("id", "id must be 1-128 letters, digits, '.', '_' or '-'");
    }
    learning.performance(id)
        .map(found -> found.orElseThrow(() -> ApiError.notFound("no content item '" + id + "'")))
        .onSuccess(performance -> Responses.json(ctx, 200, toJson(performance)))
        .onFailure(ctx::fail);
  }

  private static JsonObject toJson(ContentPerformance performance) {
    JsonArray segments = new JsonArray();
    for (ContentPerformance.SegmentPerformance s : performance.segments()) {
      long posts = s.evidence().posts();
      segments.add(new JsonObject()
          .put("stage", s.segment().stage().name())
          .put("interest", s.segment().interest())
          .put("posts", posts)
          .put("reward", s.evidence().rewardSum())
          .put("meanReward", posts == 0 ? null : s.evidence().rewardSum() / posts)
          .put("posterior", new JsonObject()
              .put("alpha", s.posterior().alpha())
              .put("beta", s.posterior().beta())
              .put("mean", s.posterior().mean())
              .put("basis", s.posterior().basis().name())));
    }
    return new JsonObject().put("contentId", performance.contentId()).put("segments", segments);
  }

  private void shadow(RoutingContext ctx) {
    Instant until = QueryParam.instant(ctx, "until", clock.instant());
    Instant since = QueryParam.instant(ctx, "since", until.minus(DEFAULT_PERIOD));
    if (!since.isBefore(until)) {
      throw ApiError.invalid("since", "since must be before until");
    }
    String mode = ctx.queryParams().get("mode");
    mode = mode == null || mode.isBlank() ? "shadow" : mode.strip().toLowerCase(Locale.ROOT);
    if (!MODES.contains(mode)) {
      throw ApiError.invalid("mode", "mode must be shadow or on");
    }
    String asked = mode;
    Instant from = since;
    learning.compare(since, until, mode.toUpperCase(Locale.ROOT))
        .onSuccess(report -> Responses.json(ctx, 200, toJson(report, asked, from, until)))
        .onFailure(ctx::fail);
  }

  private static JsonObject toJson(EngagementStore.ShadowReport r, String mode, Instant since, Instant until) {
    return new JsonObject()
        .put("mode", mode)
        .put("since", since.toString())
        .put("until", until.toString())
        .put("decisions", r.decisions())
        .put("agreed", r.agreed())
        .put("agreement", r.decisions() == 0 ? null : (double) r.agreed() / r.decisions())
        .put("rules", new JsonObject()
            .put("expectedReward", r.rulesExpected())
            .put("posts", r.posts())
            .put("observedReward", r.observed()))
        .put("learning", new JsonObject()
            .put("expectedReward", r.learningExpected()))
        .put("agreedPosts", new JsonObject()
            .put("posts", r.agreedPosts())
            .put("observedReward", r.agreedObserved()))
        .put("disagreedPosts", new JsonObject()
            .put("posts", r.disagreedPosts())
            .put("observedReward", r.disagreedObserved()));
  }

}

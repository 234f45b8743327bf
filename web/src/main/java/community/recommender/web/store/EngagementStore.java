package community.recommender.web.store;

import community.recommender.engine.learning.Observation;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;

/** The outcomes learning reads: rewards of posts per item and segment, and what shadow mode recorded. */
public interface EngagementStore {

  /**
   * Posts per item and segment whose reward counts now: those with reported metrics, and those
   * posted before {@code windowClosedBefore} without any, which count as no engagement.
   */
  Future<List<Observation>> observations(Instant windowClosedBefore);

  /** How learning's choices compared with the rules' in decisions made in [since, until) in {@code mode}. */
  Future<ShadowReport> compare(Instant since, Instant until, String mode);

  /**
   * Decisions learning weighed, and the engagement of each side's choice.
   *
   * @param rulesExpected the mean posterior engagement of the rules' choices when decided, or null
   * @param learningExpected the same for learning's choices, or null
   * @param posts posted decisions with a known reward (all were the rules' choice in shadow mode)
   * @param observed their mean reward, or null
   * @param agreedPosts of those, where learning agreed; {@code agreedObserved} their mean reward
   * @param disagreedPosts where it did not; {@code disagreedObserved} their mean reward
   */
  record ShadowReport(long decisions, long agreed, Double rulesExpected, Double learningExpected, long posts,
      Double observed, long agreedPosts, Double agreedObserved, long disagreedPosts, Double disagreedObserved) {}
}

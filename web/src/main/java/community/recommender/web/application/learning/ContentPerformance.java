package community.recommender.web.application.learning;

import community.recommender.engine.learning.Evidence;
import community.recommender.engine.learning.Posterior;
import community.recommender.engine.learning.Segment;
import java.util.List;

/**
 * How one content item did, per segment it was posted in: its posts, their reward and the posterior
 * decisions draw from.
 */
public record ContentPerformance(String contentId, List<SegmentPerformance> segments) {

  /** One segment's part. */
  public record SegmentPerformance(Segment segment, Evidence evidence, Posterior posterior) {}
}

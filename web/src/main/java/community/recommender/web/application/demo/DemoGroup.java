package community.recommender.web.application.demo;

import community.recommender.engine.model.ActivityReport;
import community.recommender.engine.model.Portrait;
import java.time.Instant;
import java.util.List;

/**
 * One demo group as loaded: its portrait, when it was registered here, and the activity windows it
 * reports, oldest first.
 */
public record DemoGroup(String id, Portrait portrait, Instant createdAt, List<ActivityReport> reports) {

  public DemoGroup {
    reports = List.copyOf(reports);
  }
}

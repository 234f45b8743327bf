package community.recommender.web.store;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Stage;
import java.util.List;

/**
 * Which groups a list shows, and which page of them.
 *
 * @param bands only groups in one of these bands; empty for any
 * @param stages only groups in one of these stages; empty for any
 * @param region only groups whose region is this code or lies inside it ({@code CN-SH} matches
 *     {@code CN-SH-Shanghai} but not {@code CN-SHX}); null for any
 * @param labels only groups that carry every one of these labels
 * @param scope only these groups, for a bot token limited to them; empty for any
 * @param page the page, from 1
 * @param pageSize groups per page
 * @param order the order of the whole list, which pages follow
 */
public record GroupQuery(List<ActivityBand> bands, List<Stage> stages, String region, List<String> labels,
    List<String> scope, int page, int pageSize, GroupOrder order) {

  public GroupQuery {
    bands = List.copyOf(bands);
    stages = List.copyOf(stages);
    labels = List.copyOf(labels);
    scope = List.copyOf(scope);
    order = order == null ? GroupOrder.BY_ID : order;
  }

  /** A query ordered by group id. */
  public GroupQuery(List<ActivityBand> bands, List<Stage> stages, String region, List<String> labels,
      List<String> scope, int page, int pageSize) {
    this(bands, stages, region, labels, scope, page, pageSize, GroupOrder.BY_ID);
  }

  /** This query in {@code order}. */
  public GroupQuery ordered(GroupOrder order) {
    return new GroupQuery(bands, stages, region, labels, scope, page, pageSize, order);
  }
}

package community.recommender.engine.experiment;

import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Platform;
import community.recommender.engine.model.Regions;
import community.recommender.engine.model.Stage;
import java.util.List;

/**
 * Which groups an experiment covers: either a list of group ids, or every group that passes each
 * filter given (an empty filter passes every group).
 *
 * @param groupIds exactly these groups; when not empty, the other filters must be
 * @param labels groups that carry every one of these labels
 * @param region groups in this region or inside it, or null for any
 * @param platforms groups on one of these platforms
 * @param bands groups in one of these activity bands
 * @param stages groups in one of these stages
 */
public record Population(List<String> groupIds, List<String> labels, String region, List<Platform> platforms,
    List<ActivityBand> bands, List<Stage> stages) {

  public Population {
    groupIds = List.copyOf(groupIds);
    labels = List.copyOf(labels);
    platforms = List.copyOf(platforms);
    bands = List.copyOf(bands);
    stages = List.copyOf(stages);
    if (!groupIds.isEmpty() && (!labels.isEmpty() || region != null || !platforms.isEmpty() || !bands.isEmpty()
        || !stages.isEmpty())) {
      throw new IllegalArgumentException("a population is a list of group ids or filters, not both");
    }
  }

  /** Whether {@code group}, as it is now, belongs to the population. */
  public boolean includes(Group group) {
    if (!groupIds.isEmpty()) {
      return groupIds.contains(group.getId());
    }
    return group.getPortrait().getLabels().containsAll(labels)
        && (region == null || Regions.contains(region, group.getPortrait().getRegion()))
        && (platforms.isEmpty() || platforms.contains(group.getPortrait().getPlatform()))
        && (bands.isEmpty() || bands.contains(group.getActivity().getBand()))
        && (stages.isEmpty() || stages.contains(group.getStage()));
  }
}

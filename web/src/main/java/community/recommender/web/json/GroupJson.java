package community.recommender.web.json;

import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import io.vertx.core.json.JsonObject;
import java.util.Locale;

/** Writes groups as the API shows them: portrait, activity and stage. */
public final class GroupJson {
  private GroupJson() {}

  /** The full view of one group. */
  public static JsonObject toJson(Group group) {
    return new JsonObject()
        .put("id", group.getId())
        .put("portrait", PortraitJson.toJson(group.getPortrait()))
        .put("activity", activity(group.getActivity()))
        .put("stage", group.getStage().name())
        .put("createdAt", group.getCreatedAt().toString());
  }

  /** The short view used in lists. */
  public static JsonObject summary(Group group) {
    Activity activity = group.getActivity();
    return new JsonObject()
        .put("id", group.getId())
        .put("name", group.getPortrait().getName())
        .put("platform", group.getPortrait().getPlatform().name().toLowerCase(Locale.ROOT))
        .put("region", group.getPortrait().getRegion())
        .put("level", activity.getLevel())
        .put("band", activity.getBand().name())
        .put("trend", activity.getTrend().name())
        .put("stage", group.getStage().name());
  }

  private static JsonObject activity(Activity activity) {
    return new JsonObject()
        .put("level", activity.getLevel())
        .put("band", activity.getBand().name())
        .put("trend", activity.getTrend().name())
        .put("complaintShare", activity.getComplaintShare())
        .put("last7Days", counts(activity.getLast7Days()));
  }

  static JsonObject counts(ActivityCounts counts) {
    return new JsonObject()
        .put("messages", counts.getMessages())
        .put("activeMembers", counts.getActiveMembers())
        .put("joins", counts.getJoins())
        .put("leaves", counts.getLeaves())
        .put("reactions", counts.getReactions())
        .put("clicks", counts.getClicks())
        .put("orders", counts.getOrders())
        .put("complaints", counts.getComplaints());
  }
}

package community.recommender.web.http.groups;

import community.recommender.web.http.suggestions.SuggestionJson;

import community.recommender.engine.model.Activity;
import community.recommender.engine.model.ActivityCounts;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.store.GroupSummary;
import community.recommender.web.store.PostingRecency;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.Locale;
import java.util.Optional;

/** Writes groups as the API shows them: portrait, activity, stage, posting recency and pending suggestion. */
public final class GroupJson {
  private GroupJson() {}

  /** The full view of one group, assessed just now, with its pending suggestion or null. */
  public static JsonObject toJson(Group group, PostingRecency recency, Optional<Suggestion> pending) {
    return new JsonObject()
        .put("id", group.getId())
        .put("portrait", PortraitJson.toJson(group.getPortrait()))
        .put("activity", activity(group.getActivity()))
        .put("stage", group.getStage().name())
        .put("startedAt", group.getStartedAt().toString())
        .put("ageDays", group.getAgeDays())
        .put("daysSinceLastPost", recency.daysSinceLastPost())
        .put("daysSinceLastOffer", recency.daysSinceLastOffer())
        .put("daysSinceLastActivity", recency.daysSinceLastActivity())
        .put("pendingSuggestion", pending.map(SuggestionJson::toJson).orElse(null))
        .put("createdAt", group.getCreatedAt().toString());
  }

  /** The short view used in lists, from the stored assessment. */
  public static JsonObject summary(GroupSummary group) {
    return new JsonObject()
        .put("id", group.id())
        .put("name", group.portrait().getName())
        .put("platform", group.portrait().getPlatform().name().toLowerCase(Locale.ROOT))
        .put("region", group.portrait().getRegion())
        .put("memberCount", group.portrait().getMemberCount())
        .put("labels", new JsonArray(group.portrait().getLabels()))
        .put("level", group.level())
        .put("band", group.band() == null ? null : group.band().name())
        .put("trend", group.trend() == null ? null : group.trend().name())
        .put("stage", group.stage() == null ? null : group.stage().name())
        .put("assessedAt", group.assessedAt() == null ? null : group.assessedAt().toString())
        .put("pendingSuggestion", group.pending())
        .put("lastPostedAt", group.lastPostedAt() == null ? null : group.lastPostedAt().toString());
  }

  /** The activity part of a group's view. */
  public static JsonObject activity(Activity activity) {
    return new JsonObject()
        .put("level", activity.getLevel())
        .put("band", activity.getBand().name())
        .put("trend", activity.getTrend().name())
        .put("complaintShare", activity.getComplaintShare())
        .put("last7Days", counts(activity.getLast7Days()))
        .put("last28Days", counts(activity.getLast28Days()));
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

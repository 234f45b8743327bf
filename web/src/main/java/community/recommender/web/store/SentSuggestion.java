package community.recommender.web.store;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One decision in a group's history: what was suggested, whether it reached the chat tool, and what
 * the tool reported back.
 *
 * @param id the suggestion's id
 * @param contentId the suggested item
 * @param title the item's title when it was suggested
 * @param kind the item's kind
 * @param score the score that won arbitration
 * @param ruleSetVersion the rule set that decided it
 * @param state pending, delivered or superseded
 * @param decidedAt when it was decided
 * @param deliveredAt when a chat tool took it, or null
 * @param outcome posted, skipped or failed, or null before feedback
 * @param outcomeAt when the outcome was reported, or null
 * @param postedAt when the tool says it was posted, or null
 * @param metrics the engagement counts reported for the post; empty before any
 * @param reward the reward learning drew from those counts, or null
 * @param supersededAt when it was withdrawn unsent, or null
 * @param supersededBecause why it was withdrawn, or null
 */
public record SentSuggestion(UUID id, String contentId, String title, String kind, double score, long ruleSetVersion,
    String state, Instant decidedAt, Instant deliveredAt, String outcome, Instant outcomeAt, Instant postedAt,
    Map<String, Long> metrics, Double reward, Instant supersededAt, String supersededBecause) {

  public SentSuggestion {
    metrics = Map.copyOf(metrics);
  }
}

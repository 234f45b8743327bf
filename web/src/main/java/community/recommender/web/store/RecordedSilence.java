package community.recommender.web.store;

import java.time.Instant;

/**
 * A group's latest silence as recorded: the last decision that sent nothing, and how long the same
 * silence has lasted.
 *
 * @param groupId the group
 * @param silence the last such decision
 * @param since when a decision first met this same silence (status and reasons)
 * @param lastSeen when a decision last met it
 * @param decisions how many decisions met it since then
 */
public record RecordedSilence(String groupId, Silence silence, Instant since, Instant lastSeen, long decisions) {}

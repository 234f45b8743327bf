package community.recommender.web.store;

import java.time.Instant;
import java.util.List;

/**
 * A token as it is listed: everything but the token itself, which is never kept.
 *
 * @param groups the groups a bot token is limited to; empty means every group
 * @param createdBy who created it, or null for the first admin token
 * @param revokedAt when it was revoked, or null while it is active
 * @param lastUsedAt when it was last used (to the minute), or null when never
 */
public record TokenRecord(String id, String name, Role role, List<String> groups, Instant createdAt, String createdBy,
    Instant revokedAt, Instant lastUsedAt) {

  public TokenRecord {
    groups = List.copyOf(groups);
  }
}

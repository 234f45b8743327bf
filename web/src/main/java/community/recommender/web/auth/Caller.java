package community.recommender.web.auth;

import java.util.List;

/**
 * The holder of the token a request came with.
 *
 * @param tokenId the token's id
 * @param role what the token may do
 * @param groups the groups a bot token is limited to; empty means every group
 */
public record Caller(String tokenId, Role role, List<String> groups) {

  public Caller {
    groups = List.copyOf(groups);
  }

  /** Whether this caller may act for {@code groupId}. */
  public boolean mayActFor(String groupId) {
    return groups.isEmpty() || groups.contains(groupId);
  }
}

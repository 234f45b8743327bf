package community.recommender.web.store;

import java.util.List;

/**
 * The holder of the token a request came with.
 *
 * @param tokenId the token's id
 * @param name the token's name, for the record of who changed what
 * @param role what the token may do
 * @param groups the groups a bot token is limited to; empty means every group
 */
public record Caller(String tokenId, String name, Role role, List<String> groups) {

  public Caller {
    groups = List.copyOf(groups);
  }

  /** Who this is, for version records: the token's name and id. */
  public String author() {
    return name + " (token " + tokenId + ")";
  }

  /** Whether this caller may act for {@code groupId}. */
  public boolean mayActFor(String groupId) {
    return groups.isEmpty() || groups.contains(groupId);
  }
}

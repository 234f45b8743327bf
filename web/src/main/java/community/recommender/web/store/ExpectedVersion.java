package community.recommender.web.store;

import java.util.Set;

/**
 * The versions an editor expects an item to be at before it is changed (an {@code If-Match}); a write
 * that finds another version, or no item, fails with {@link StaleVersion}.
 *
 * @param anyVersion whether any existing version will do ({@code If-Match: *})
 * @param versions the versions that will do
 */
public record ExpectedVersion(boolean anyVersion, Set<Integer> versions) {
  public ExpectedVersion {
    versions = Set.copyOf(versions);
  }

  /** Whether an item now at {@code current} (null when there is none) may be changed. */
  public boolean admits(Integer current) {
    return current != null && (anyVersion || versions.contains(current));
  }
}

package community.recommender.engine.decision;

import community.recommender.engine.model.ContentKind;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What to retrieve for one need of one group.
 *
 * @param kind the kind of content needed
 * @param tags tags that would serve; an item must carry at least one, and none means any
 * @param interests the group's interests, which rank matching items higher
 * @param region the group's region code, or null; items for other regions are left out
 * @param language the group's language; items in other languages are left out
 * @param at the moment the items must be valid at
 * @param limit how many items to return at most
 */
public record CandidateQuery(
    ContentKind kind,
    List<String> tags,
    List<String> interests,
    String region,
    String language,
    Instant at,
    int limit) {

  public CandidateQuery {
    Objects.requireNonNull(kind, "kind");
    tags = List.copyOf(tags);
    interests = List.copyOf(interests);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(at, "at");
  }
}

package community.recommender.engine.decision;

import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Platform;
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
 * @param offset how many of the best items to skip, to read the next page
 * @param limit how many items to return at most
 * @param platform the group's platform, or null; items that go over its limits are left out
 */
public record CandidateQuery(
    ContentKind kind,
    List<String> tags,
    List<String> interests,
    String region,
    String language,
    Instant at,
    int offset,
    int limit,
    Platform platform) {

  public CandidateQuery {
    Objects.requireNonNull(kind, "kind");
    tags = List.copyOf(tags);
    interests = List.copyOf(interests);
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(at, "at");
    if (offset < 0 || limit < 1) {
      throw new IllegalArgumentException("offset must be 0 or more and limit 1 or more: " + offset + ", " + limit);
    }
  }

  /** A page of items for a group on any platform. */
  public CandidateQuery(ContentKind kind, List<String> tags, List<String> interests, String region, String language,
      Instant at, int offset, int limit) {
    this(kind, tags, interests, region, language, at, offset, limit, null);
  }

  /** The first page: the best {@code limit} items, for a group on any platform. */
  public CandidateQuery(ContentKind kind, List<String> tags, List<String> interests, String region, String language,
      Instant at, int limit) {
    this(kind, tags, interests, region, language, at, 0, limit, null);
  }

  /** The first page for a group on {@code platform}. */
  public CandidateQuery(ContentKind kind, List<String> tags, List<String> interests, String region, String language,
      Platform platform, Instant at, int limit) {
    this(kind, tags, interests, region, language, at, 0, limit, platform);
  }

  /** The page after this one, {@code limit} items long. */
  public CandidateQuery next(int nextLimit) {
    return new CandidateQuery(kind, tags, interests, region, language, at, offset + limit, nextLimit, platform);
  }
}

package community.recommender.engine.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The content a group should get next, with its score and the reasons that led to it. */
public record Suggestion(
    String id,
    String groupId,
    ContentItem content,
    double score,
    List<Reason> reasons,
    long ruleSetVersion,
    Instant createdAt) {

  public Suggestion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(content, "content");
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(createdAt, "createdAt");
  }

  public ContentKind kind() {
    return content.getKind();
  }
}

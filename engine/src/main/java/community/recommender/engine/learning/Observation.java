package community.recommender.engine.learning;

import community.recommender.engine.model.ContentKind;
import java.util.List;
import java.util.Objects;

/**
 * The posts of one content item in one segment whose reward is known, as the model is built from.
 *
 * @param tags the item's tags, for the cold-start fallback of other items with the same tags
 */
public record Observation(String contentId, ContentKind kind, List<String> tags, Segment segment, Evidence evidence) {
  public Observation {
    Objects.requireNonNull(contentId, "contentId");
    Objects.requireNonNull(kind, "kind");
    tags = List.copyOf(tags);
    Objects.requireNonNull(segment, "segment");
    Objects.requireNonNull(evidence, "evidence");
  }
}

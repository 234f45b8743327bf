package community.recommender.engine.learning;

import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What members engaged with, per content item and segment, pooled across groups: an immutable
 * snapshot that decisions read without touching the database.
 *
 * <p>The posterior of an item in a segment is a Beta whose prior is worth {@link #PRIOR_POSTS} posts
 * at a mean taken from broader evidence, each level shrunk towards the next:
 *
 * <ol>
 *   <li>the item's posts in the segment (the posterior's own evidence);
 *   <li>the item's posts in every segment;
 *   <li>posts in the segment of items sharing any of its tags;
 *   <li>posts in the segment of items of its kind;
 *   <li>{@link #DEFAULT_MEAN}.
 * </ol>
 *
 * So a new item starts from what its tags and kind earned in the segment, and an item proven in one
 * segment starts elsewhere from its own record, while its own posts soon outweigh either.
 */
public final class EngagementModel {
  /** The model before any outcome is known. */
  public static final EngagementModel EMPTY = new EngagementModel(List.of());
  /** The mean reward assumed when nothing at all is known. */
  public static final double DEFAULT_MEAN = 0.05;
  /** How many posts the prior from broader evidence weighs. */
  public static final double PRIOR_POSTS = 2;

  private final List<Observation> observations;
  private final Map<String, Map<Segment, Evidence>> byItemSegment = new HashMap<>();
  private final Map<String, Evidence> byItem = new HashMap<>();
  private final Map<Segment, Map<String, Evidence>> byTag = new HashMap<>();
  private final Map<Segment, Map<ContentKind, Evidence>> byKind = new HashMap<>();

  private EngagementModel(Collection<Observation> observations) {
    this.observations = List.copyOf(observations);
    for (Observation o : this.observations) {
      byItemSegment.computeIfAbsent(o.contentId(), id -> new HashMap<>()).merge(o.segment(), o.evidence(), Evidence::plus);
      byItem.merge(o.contentId(), o.evidence(), Evidence::plus);
      Map<String, Evidence> tags = byTag.computeIfAbsent(o.segment(), s -> new HashMap<>());
      o.tags().forEach(tag -> tags.merge(tag, o.evidence(), Evidence::plus));
      byKind.computeIfAbsent(o.segment(), s -> new HashMap<>()).merge(o.kind(), o.evidence(), Evidence::plus);
    }
  }

  /** A model of {@code observations}; several for the same item and segment add up. */
  public static EngagementModel of(Collection<Observation> observations) {
    return observations.isEmpty() ? EMPTY : new EngagementModel(observations);
  }

  /** The posterior of {@code item}'s reward in {@code segment}. */
  public Posterior posterior(ContentItem item, Segment segment) {
    return posterior(item.getId(), item.getKind(), item.getTags(), segment);
  }

  /** The posterior of the reward of item {@code contentId} (of {@code kind}, with {@code tags}) in {@code segment}. */
  public Posterior posterior(String contentId, ContentKind kind, List<String> tags, Segment segment) {
    Basis basis = Basis.DEFAULT;
    double mean = DEFAULT_MEAN;
    Evidence kindEvidence = byKind.getOrDefault(segment, Map.of()).getOrDefault(kind, Evidence.NONE);
    if (kindEvidence.posts() > 0) {
      mean = kindEvidence.meanShrunkTo(mean, PRIOR_POSTS);
      basis = Basis.KIND;
    }
    Evidence tagEvidence = Evidence.NONE;
    Map<String, Evidence> tagsHere = byTag.getOrDefault(segment, Map.of());
    for (String tag : tags) {
      tagEvidence = tagEvidence.plus(tagsHere.getOrDefault(tag, Evidence.NONE));
    }
    if (tagEvidence.posts() > 0) {
      mean = tagEvidence.meanShrunkTo(mean, PRIOR_POSTS);
      basis = Basis.TAGS;
    }
    Evidence itemEvidence = byItem.getOrDefault(contentId, Evidence.NONE);
    if (itemEvidence.posts() > 0) {
      mean = itemEvidence.meanShrunkTo(mean, PRIOR_POSTS);
      basis = Basis.ITEM;
    }
    Evidence own = byItemSegment.getOrDefault(contentId, Map.of()).getOrDefault(segment, Evidence.NONE);
    if (own.posts() > 0) {
      basis = Basis.SEGMENT;
    }
    double alpha = PRIOR_POSTS * mean + own.rewardSum();
    double beta = PRIOR_POSTS * (1 - mean) + own.posts() - own.rewardSum();
    return new Posterior(Math.max(alpha, 1e-6), Math.max(beta, 1e-6), own.posts(), basis);
  }

  /** The evidence of item {@code contentId} per segment. */
  public Map<Segment, Evidence> evidenceOf(String contentId) {
    return Map.copyOf(byItemSegment.getOrDefault(contentId, Map.of()));
  }

  /** How many posts of all items the model rests on. */
  public long posts() {
    return byItem.values().stream().mapToLong(Evidence::posts).sum();
  }

  /** The observations this model was built from. */
  public List<Observation> observations() {
    return new ArrayList<>(observations);
  }
}

package community.recommender.engine.model;

import java.util.Objects;

/** A content item retrieved for a group because it may answer one of the group's needs. */
public final class Candidate {
  private final ContentItem content;
  private final Need need;
  private final double relevance;
  private final Engagement engagement;

  public Candidate(ContentItem content, Need need, double relevance) {
    this(content, need, relevance, Engagement.UNKNOWN);
  }

  public Candidate(ContentItem content, Need need, double relevance, Engagement engagement) {
    this.content = Objects.requireNonNull(content, "content");
    this.need = Objects.requireNonNull(need, "need");
    this.relevance = relevance;
    this.engagement = Objects.requireNonNull(engagement, "engagement");
  }

  public ContentItem getContent() {
    return content;
  }

  /** The need this candidate was retrieved for. */
  public Need getNeed() {
    return need;
  }

  /** How well the text search matched, used only to break ties between equal scores. */
  public double getRelevance() {
    return relevance;
  }

  /** How members of the group's segment engaged with this item so far (see rules/README.md). */
  public Engagement getEngagement() {
    return engagement;
  }

  public String getId() {
    return content.getId();
  }

  public ContentKind getKind() {
    return content.getKind();
  }

  /** Whether the content carries {@code tag}. */
  public boolean hasTag(String tag) {
    return content.hasTag(tag);
  }
}

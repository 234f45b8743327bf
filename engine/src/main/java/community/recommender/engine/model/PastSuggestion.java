package community.recommender.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One earlier suggestion for the group, and what became of it; rules read these for pacing and variety. */
public final class PastSuggestion {
  private final String contentId;
  private final ContentKind kind;
  private final List<String> tags;
  private final Instant suggestedAt;
  private final boolean delivered;
  private final Outcome outcome;
  private final Instant postedAt;
  private final Instant now;
  /** Rules ask for it again and again while matching, so it is worked out once. */
  private final long daysAgo;

  public PastSuggestion(String contentId, ContentKind kind, List<String> tags, Instant suggestedAt,
      boolean delivered, Outcome outcome, Instant postedAt, Instant now) {
    this.contentId = Objects.requireNonNull(contentId, "contentId");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.tags = List.copyOf(tags);
    this.suggestedAt = Objects.requireNonNull(suggestedAt, "suggestedAt");
    this.delivered = delivered;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.postedAt = postedAt;
    this.now = Objects.requireNonNull(now, "now");
    this.daysAgo = Duration.between(getSentAt(), now).toDays();
  }

  /** The same suggestion seen from a decision at {@code later}, as a simulation moves its clock on. */
  public PastSuggestion at(Instant later) {
    return new PastSuggestion(contentId, kind, tags, suggestedAt, delivered, outcome, postedAt, later);
  }

  public String getContentId() {
    return contentId;
  }

  public ContentKind getKind() {
    return kind;
  }

  public List<String> getTags() {
    return tags;
  }

  public Instant getSuggestedAt() {
    return suggestedAt;
  }

  /** Whether a chat tool picked it up. */
  public boolean isDelivered() {
    return delivered;
  }

  public Outcome getOutcome() {
    return outcome;
  }

  /** When the chat tool says it was posted, or null. */
  public Instant getPostedAt() {
    return postedAt;
  }

  /**
   * Whether it counts as sent: it was posted, is on its way (a WeCom task awaiting the owner's
   * confirmation, which spends the group's quota once confirmed), or was delivered with no report
   * yet. Skipped, failed, expired and cancelled suggestions never reached the members.
   */
  public boolean isSent() {
    return outcome == Outcome.POSTED || outcome.isOnItsWay() || (delivered && outcome == Outcome.PENDING);
  }

  /** When the group saw it: the posting time, else the suggestion time. */
  public Instant getSentAt() {
    return postedAt != null ? postedAt : suggestedAt;
  }

  /** Whole days since it was sent (or suggested), at the time of the decision. */
  public long getDaysAgo() {
    return daysAgo;
  }

  /** Whether it carries {@code tag}. */
  public boolean hasTag(String tag) {
    return tags.contains(tag);
  }
}

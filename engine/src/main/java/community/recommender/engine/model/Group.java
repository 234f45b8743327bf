package community.recommender.engine.model;

import java.time.Instant;
import java.util.Objects;

/** A chat group as the rules see it: its portrait, how alive it is, and where it is in its life. */
public final class Group {
  private final String id;
  private final Portrait portrait;
  private final Activity activity;
  private final Stage stage;
  private final Instant createdAt;
  private final PostingRecency recency;

  /** A group that has never had anything posted. */
  public Group(String id, Portrait portrait, Activity activity, Stage stage, Instant createdAt) {
    this(id, portrait, activity, stage, createdAt, PostingRecency.NEVER);
  }

  public Group(String id, Portrait portrait, Activity activity, Stage stage, Instant createdAt,
      PostingRecency recency) {
    this.id = Objects.requireNonNull(id, "id");
    this.portrait = Objects.requireNonNull(portrait, "portrait");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.recency = Objects.requireNonNull(recency, "recency");
  }

  public String getId() {
    return id;
  }

  public Portrait getPortrait() {
    return portrait;
  }

  public Activity getActivity() {
    return activity;
  }

  public Stage getStage() {
    return stage;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  /** Whole days since a POST was last posted here, or null when never; 0 is within 24 hours. */
  public Integer getDaysSinceLastPost() {
    return recency.getDaysSinceLastPost();
  }

  /** Whole days since an OFFER was last posted here, or null when never; 0 is within 24 hours. */
  public Integer getDaysSinceLastOffer() {
    return recency.getDaysSinceLastOffer();
  }

  /** Whole days since an ACTIVITY was last posted here, or null when never; 0 is within 24 hours. */
  public Integer getDaysSinceLastActivity() {
    return recency.getDaysSinceLastActivity();
  }
}

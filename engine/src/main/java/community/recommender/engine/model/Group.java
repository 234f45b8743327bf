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

  public Group(String id, Portrait portrait, Activity activity, Stage stage, Instant createdAt) {
    this.id = Objects.requireNonNull(id, "id");
    this.portrait = Objects.requireNonNull(portrait, "portrait");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
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
}

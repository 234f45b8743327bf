package community.recommender.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A chat group as the rules see it: its portrait, how alive it is, and where it is in its life.
 *
 * <p>A group's age counts from when the community really started: the portrait's
 * {@code startedAt} when the operator gave one, else the first activity window reported when that
 * predates registration (reports imported with the group), else when it was registered here. A group onboarded with months of history is therefore not
 * NEW. What was sent to the group, and how long ago, is {@link History}'s vocabulary.
 */
public final class Group {
  private final String id;
  private final Portrait portrait;
  private final Activity activity;
  private final Stage stage;
  private final Instant createdAt;
  private final Instant startedAt;
  private final long ageDays;

  private Group(String id, Portrait portrait, Activity activity, Stage stage, Instant createdAt, Instant startedAt,
      Instant now) {
    this.id = Objects.requireNonNull(id, "id");
    this.portrait = Objects.requireNonNull(portrait, "portrait");
    this.activity = Objects.requireNonNull(activity, "activity");
    this.stage = Objects.requireNonNull(stage, "stage");
    this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    this.ageDays = Math.max(0, Duration.between(startedAt, now).toDays());
  }

  /**
   * Assesses a group at {@code now}: its activity from the last 7 and 28 days of counts (the trend
   * against the history it has, from {@code firstReportAt}), its real start, age and stage.
   *
   * @param firstReportAt the start of the first activity window ever reported, or null
   */
  public static Group assess(String id, Portrait portrait, ActivityCounts last7Days, ActivityCounts last28Days,
      Instant createdAt, Instant firstReportAt, Instant now) {
    long daysOfHistory = firstReportAt == null ? 0 : Duration.between(firstReportAt, now).toDays();
    Activity activity = Activity.assess(last7Days, last28Days, portrait.getMemberCount(), daysOfHistory);
    Instant startedAt = startOf(portrait, firstReportAt, createdAt);
    return new Group(id, portrait, activity, StageAssessment.stageOf(startedAt, activity, now), createdAt,
        startedAt, now);
  }

  /** The same group seen at a later {@code now}, with the same activity: its age and stage move on. */
  public Group asOf(Instant now) {
    return new Group(id, portrait, activity, StageAssessment.stageOf(startedAt, activity, now), createdAt, startedAt,
        now);
  }

  /** The real start: the portrait's {@code startedAt}, else the first report, else registration. */
  static Instant startOf(Portrait portrait, Instant firstReportAt, Instant createdAt) {
    if (portrait.getStartedAt() != null) {
      return portrait.getStartedAt();
    }
    if (firstReportAt != null && firstReportAt.isBefore(createdAt)) {
      return firstReportAt;
    }
    return createdAt;
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

  /** When the group was registered here. */
  public Instant getCreatedAt() {
    return createdAt;
  }

  /** When the community really started: see the class comment. */
  public Instant getStartedAt() {
    return startedAt;
  }

  /** Whole days since the community started, at the time of assessment. */
  public long getAgeDays() {
    return ageDays;
  }
}

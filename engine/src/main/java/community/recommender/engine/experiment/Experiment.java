package community.recommender.engine.experiment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A test of rule sets on groups: who is in it, its arms, what it measures, and when it runs.
 *
 * @param control the arm every other arm is compared with
 * @param baselineDays how long before {@code startsAt} each group's baseline is read from
 * @param stoppedAt when an operator stopped it early, or null
 */
public record Experiment(String id, String name, Population population, List<Arm> arms, String control,
    Metric metric, Instant startsAt, Instant endsAt, int baselineDays, Instant stoppedAt, String createdBy,
    Instant createdAt) {

  public Experiment {
    Objects.requireNonNull(id, "id");
    arms = List.copyOf(arms);
    if (arms.stream().noneMatch(arm -> arm.name().equals(control))) {
      throw new IllegalArgumentException("the control arm '" + control + "' is not one of the arms");
    }
    if (!endsAt.isAfter(startsAt)) {
      throw new IllegalArgumentException("an experiment ends after it starts");
    }
  }

  /** Whether groups are decided by their arms at {@code now}. */
  public boolean isRunning(Instant now) {
    return !now.isBefore(startsAt) && now.isBefore(end());
  }

  /** When it ends or ended: its end, or when it was stopped if that came first. */
  public Instant end() {
    return stoppedAt != null && stoppedAt.isBefore(endsAt) ? stoppedAt : endsAt;
  }

  /** Whether it is over at {@code now}, by its end or by being stopped. */
  public boolean isOver(Instant now) {
    return !now.isBefore(end());
  }

  /** The arm named {@code name}. */
  public Optional<Arm> arm(String name) {
    return arms.stream().filter(arm -> arm.name().equals(name)).findFirst();
  }

  /** When each group's baseline starts: {@code baselineDays} before the start. */
  public Instant baselineStart() {
    return startsAt.minus(Duration.ofDays(baselineDays));
  }
}

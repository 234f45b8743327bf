package community.recommender.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * What a group needs now, as derived by a rule: a kind of content, the tags that would serve,
 * how urgent it is, and why.
 *
 * <p>Rules create one fluently: {@code Need.of(ContentKind.POST, "icebreaker", "topic")
 * .urgency(80).because("The group has gone quiet")}.
 */
public final class Need extends RuleOutcome {
  private final ContentKind kind;
  private final List<String> tags;
  private int urgency = 50;
  private String reason = "";

  public Need(ContentKind kind, List<String> tags, int urgency, String reason) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.tags = List.copyOf(tags);
    this.urgency = clamp(urgency);
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  private Need(ContentKind kind, List<String> tags) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.tags = List.copyOf(tags);
  }

  /** A need for content of {@code kind} carrying any of {@code tags}; no tags means any tag. */
  public static Need of(ContentKind kind, String... tags) {
    return new Need(kind, List.of(tags));
  }

  /** Sets how urgent this need is, from 0 to 100; it becomes the base score of its candidates. */
  public Need urgency(int urgency) {
    this.urgency = clamp(urgency);
    return this;
  }

  /** Sets the reason shown to operators. */
  public Need because(String reason) {
    this.reason = Objects.requireNonNull(reason, "reason");
    return this;
  }

  private static int clamp(int urgency) {
    return Math.max(0, Math.min(100, urgency));
  }

  public ContentKind getKind() {
    return kind;
  }

  public List<String> getTags() {
    return tags;
  }

  public int getUrgency() {
    return urgency;
  }

  public String getReason() {
    return reason;
  }
}

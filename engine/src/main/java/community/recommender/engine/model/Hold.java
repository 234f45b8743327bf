package community.recommender.engine.model;

import java.time.Instant;
import java.util.Objects;

/** A rule's ruling that nothing is to be posted to the group before a given time, with the reason. */
public final class Hold extends RuleOutcome {
  private final Instant until;
  private final String reason;

  public Hold(Instant until, String reason) {
    this.until = Objects.requireNonNull(until, "until");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Instant getUntil() {
    return until;
  }

  public String getReason() {
    return reason;
  }
}

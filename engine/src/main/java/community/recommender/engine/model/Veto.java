package community.recommender.engine.model;

import java.util.Objects;

/** A rule's ruling that a candidate must not be suggested, with the reason. */
public final class Veto extends RuleOutcome {
  private final Candidate candidate;
  private final String reason;

  public Veto(Candidate candidate, String reason) {
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Candidate getCandidate() {
    return candidate;
  }

  public String getReason() {
    return reason;
  }
}

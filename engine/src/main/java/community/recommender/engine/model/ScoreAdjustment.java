package community.recommender.engine.model;

import java.util.Objects;

/** A rule's raise or cut of a candidate's score, with the reason. */
public final class ScoreAdjustment extends RuleOutcome {
  private final Candidate candidate;
  private final int amount;
  private final String reason;

  public ScoreAdjustment(Candidate candidate, int amount, String reason) {
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.amount = amount;
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  public Candidate getCandidate() {
    return candidate;
  }

  public int getAmount() {
    return amount;
  }

  public String getReason() {
    return reason;
  }
}

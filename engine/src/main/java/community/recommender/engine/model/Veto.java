package community.recommender.engine.model;

import java.util.Objects;

/**
 * A rule's ruling that a candidate must not be suggested, with the reason.
 *
 * <p>Two kinds are marked, because the pipeline treats them differently:
 *
 * <ul>
 *   <li>{@link #soft}: a preference for variety. The candidate is dropped unless nothing else may be
 *       sent at all; then the best softly vetoed candidate is sent rather than nothing, so such a
 *       veto can never stall a group.
 *   <li>{@link #unfit}: the item does not fit the group (its interests, region or language, or it was
 *       sent recently). When every candidate of a need is unfit, the library lacks content for the
 *       group, and the decision reports a content gap.
 * </ul>
 *
 * Every other veto (goodwill, pacing) is hard, and never relaxed.
 */
public final class Veto extends RuleOutcome {
  private final Candidate candidate;
  private final String reason;
  private final boolean soft;
  private final boolean unfit;

  public Veto(Candidate candidate, String reason) {
    this(candidate, reason, false, false);
  }

  private Veto(Candidate candidate, String reason, boolean soft, boolean unfit) {
    this.candidate = Objects.requireNonNull(candidate, "candidate");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.soft = soft;
    this.unfit = unfit;
  }

  /** A veto for variety's sake, relaxed when nothing else may be sent. */
  public static Veto soft(Candidate candidate, String reason) {
    return new Veto(candidate, reason, true, false);
  }

  /** A veto because the item does not fit the group; a need left with only these is a content gap. */
  public static Veto unfit(Candidate candidate, String reason) {
    return new Veto(candidate, reason, false, true);
  }

  public Candidate getCandidate() {
    return candidate;
  }

  public String getReason() {
    return reason;
  }

  public boolean isSoft() {
    return soft;
  }

  public boolean isUnfit() {
    return unfit;
  }
}

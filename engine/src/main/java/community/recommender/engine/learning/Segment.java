package community.recommender.engine.learning;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.Stage;
import java.util.Objects;

/**
 * The groups whose outcomes are pooled for learning: the same stage and the same main interest.
 *
 * <p>Stage because a new group answers differently from a mature one (seed 001's cycle), and the
 * first interest of the portrait because the same post is good news in a coffee group and noise in a
 * car group. More dimensions would split evidence thinner than a fleet of a few hundred groups fills.
 *
 * @param interest the portrait's first interest, or {@link #NO_INTEREST}
 */
public record Segment(Stage stage, String interest) {
  /** The interest of a group whose portrait names none. */
  public static final String NO_INTEREST = "-";

  public Segment {
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(interest, "interest");
  }

  /** The segment {@code group} belongs to now. */
  public static Segment of(Group group) {
    var interests = group.getPortrait().getInterests();
    return new Segment(group.getStage(), interests.isEmpty() ? NO_INTEREST : interests.get(0));
  }

  /**
   * The active members a post in {@code group} is measured against: last week's active members as
   * reported, at most the member count, else the member count, and at least 1.
   */
  public static long activeMembers(Group group) {
    long members = group.getPortrait().getMemberCount();
    long active = group.getActivity().getLast7Days().getActiveMembers();
    long audience = active > 0 ? (members > 0 ? Math.min(active, members) : active) : members;
    return Math.max(1, audience);
  }

  /** As written in explanations and reports: {@code MATURE/coffee}. */
  @Override
  public String toString() {
    return stage + "/" + interest;
  }
}

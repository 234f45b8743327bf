package community.recommender.engine.experiment;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.Stage;

/**
 * The groups an experiment balances its arms within: one stage and one size band, so that no arm gets
 * most of the new groups or most of the big ones by chance.
 *
 * @param size the member-count band: {@code <50}, {@code 50-199}, {@code 200-999} or {@code 1000+}
 */
public record Stratum(Stage stage, String size) {

  /** The stratum {@code group} is in now. */
  public static Stratum of(Group group) {
    return new Stratum(group.getStage(), sizeOf(group.getPortrait().getMemberCount()));
  }

  /** The size band of a group with {@code members} members. */
  static String sizeOf(int members) {
    if (members < 50) {
      return "<50";
    }
    if (members < 200) {
      return "50-199";
    }
    return members < 1000 ? "200-999" : "1000+";
  }

  /** The stratum as one key, for storage: {@code MATURE/50-199}. */
  public String key() {
    return stage.name() + "/" + size;
  }
}

package community.recommender.engine.experiment;

import java.util.Objects;

/**
 * What an arm's groups get: the active rule set, one recorded rule-set version, or nothing but
 * service items (a holdout).
 *
 * @param kind which of the three
 * @param version the recorded rule-set version, for {@link Kind#VERSION}; 0 otherwise
 */
public record Treatment(Kind kind, long version) {

  /** The three treatments an arm can give. */
  public enum Kind { ACTIVE, VERSION, HOLDOUT }

  public static final Treatment ACTIVE = new Treatment(Kind.ACTIVE, 0);
  public static final Treatment HOLDOUT = new Treatment(Kind.HOLDOUT, 0);

  public Treatment {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.VERSION) != (version > 0)) {
      throw new IllegalArgumentException("a version treatment names a version from 1, and only it does: " + kind + " " + version);
    }
  }

  /** Decisions under rule-set version {@code version}. */
  public static Treatment version(long version) {
    return new Treatment(Kind.VERSION, version);
  }

  /** How operators read it: {@code active}, {@code version 3} or {@code holdout}. */
  public String describe() {
    return kind == Kind.VERSION ? "version " + version : kind.name().toLowerCase(java.util.Locale.ROOT);
  }
}

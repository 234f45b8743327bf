package community.recommender.web.http.groups;

/**
 * The limits on what the groups endpoints accept, in one place: portraits (one at a time or
 * imported), activity reports and list filters. README's "Limits" section lists them.
 *
 * <p>Lengths count UTF-16 characters. Counts are capped per window so that any number of windows
 * summed over the 28 days an assessment reads stays far inside a long: even one window a
 * millisecond, at the cap each, sums to about 2.4 × 10^18, below 2^63.
 */
final class GroupLimits {
  static final int NAME = 200;
  static final int OWNER = 200;
  static final int REGION = 64;
  static final int LANGUAGE = 35;
  static final int TIMEZONE = 64;
  /** labels and interests: how many, and how long each. */
  static final int TAGS = 50;
  static final int TAG = 64;
  static final int KOCS = 500;
  static final int KOC = 128;
  static final int ATTRIBUTES = 50;
  static final int ATTRIBUTE_NAME = 64;
  static final int ATTRIBUTE_VALUE = 1_000;
  /** The most any one count of one activity window may be. */
  static final long COUNT = 1_000_000_000L;
  /** The most label filters one group list may carry. */
  static final int LABEL_FILTERS = 10;

  private GroupLimits() {}
}

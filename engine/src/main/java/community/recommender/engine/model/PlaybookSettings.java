package community.recommender.engine.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The playbook's named settings: thresholds, pacing limits, which interests are bought on emotion,
 * and how urgent each step of the cycle is. Rules read them instead of repeating numbers.
 *
 * <p>The defaults below are what {@code rules/playbook-settings.drl} states; that file's single rule
 * (stage "settings") is where operators change them for every group. A group changes some of them
 * for itself with portrait attributes of the same name (see {@link #forGroup}). The pipeline gives
 * each decision one instance, already made for the group, in both rule stages.
 *
 * <p>Rules build one fluently, which only ever creates a new fact:
 * {@code PlaybookSettings.defaults().minGapMinutes(240).emotionalInterests("coffee", "tea")}.
 */
public final class PlaybookSettings extends RuleOutcome {
  /** The attribute a group sets to {@code emotional} or {@code rational} to override its interests' default. */
  public static final String PURCHASE_ATTRIBUTE = "purchase";

  private double complaintShareLimit = 0.05;
  private int minGapMinutes = 240;
  private int maxSendsPerDay = 2;
  private int monthlySendQuota = 30;
  private int maxOffersPerWeek = 2;
  private int offerAtMostOneIn = 3;
  private int sceneValidDays = 7;
  private int activityEveryDays = 14;
  private int noRepeatDays = 30;
  private int welcomeWaveJoins = 3;
  private int retryWhenEmptyMinutes = 60;
  private int livenEveryDays = 7;
  private String learning = "shadow";
  private int learningBonus = 20;
  private int maturityPosts = 20;
  private double newItemTrialShare = 0.2;
  private double offerExplorationShare = 0.1;
  private List<String> emotional = List.of("clothes", "fashion", "beauty", "jewelry", "flowers", "coffee", "tea",
      "baking", "travel", "home", "outdoor", "pets", "parenting", "food", "wine", "photography");
  private List<String> rational = List.of("car", "cars", "electronics", "insurance", "software", "finance");
  private final Map<String, Integer> urgencies = new LinkedHashMap<>();
  private Boolean emotionalGroup;

  private PlaybookSettings() {
    urgencies.put("care", 98);
    urgencies.put("wake", 95);
    urgencies.put("welcome", 93);
    urgencies.put("after-sales", 92);
    urgencies.put("liven", 84);
    urgencies.put("follow-offer", 83);
    urgencies.put("activity-due", 82);
    urgencies.put("break-run", 81);
    urgencies.put("scene", 72);
    urgencies.put("offer", 70);
    urgencies.put("surface-kocs", 88);
    urgencies.put("story", 64);
    urgencies.put("portrait", 62);
    urgencies.put("read", 40);
    urgencies.put("fallback", 30);
  }

  /** The documented defaults. */
  public static PlaybookSettings defaults() {
    return new PlaybookSettings();
  }

  private PlaybookSettings copy() {
    PlaybookSettings c = new PlaybookSettings();
    c.complaintShareLimit = complaintShareLimit;
    c.minGapMinutes = minGapMinutes;
    c.maxSendsPerDay = maxSendsPerDay;
    c.monthlySendQuota = monthlySendQuota;
    c.maxOffersPerWeek = maxOffersPerWeek;
    c.offerAtMostOneIn = offerAtMostOneIn;
    c.sceneValidDays = sceneValidDays;
    c.activityEveryDays = activityEveryDays;
    c.noRepeatDays = noRepeatDays;
    c.welcomeWaveJoins = welcomeWaveJoins;
    c.retryWhenEmptyMinutes = retryWhenEmptyMinutes;
    c.livenEveryDays = livenEveryDays;
    c.learning = learning;
    c.learningBonus = learningBonus;
    c.maturityPosts = maturityPosts;
    c.newItemTrialShare = newItemTrialShare;
    c.offerExplorationShare = offerExplorationShare;
    c.emotional = emotional;
    c.rational = rational;
    c.urgencies.clear();
    c.urgencies.putAll(urgencies);
    c.emotionalGroup = emotionalGroup;
    return c;
  }

  /**
   * These settings as they apply to {@code group}: a portrait attribute named like a setting
   * ({@code minGapMinutes}, {@code maxSendsPerDay}, {@code monthlySendQuota}, {@code maxOffersPerWeek},
   * {@code activityEveryDays}, {@code complaintShareLimit}) replaces it for that group, and
   * {@code purchase} ({@code emotional} or {@code rational}) says how the group buys. Without it, the
   * first of the group's interests that has a default decides; a group with none is rational.
   */
  public PlaybookSettings forGroup(Group group) {
    PlaybookSettings c = copy();
    Portrait p = group.getPortrait();
    c.minGapMinutes = p.intAttribute("minGapMinutes", minGapMinutes);
    c.maxSendsPerDay = p.intAttribute("maxSendsPerDay", maxSendsPerDay);
    c.monthlySendQuota = p.intAttribute("monthlySendQuota", monthlySendQuota);
    c.maxOffersPerWeek = p.intAttribute("maxOffersPerWeek", maxOffersPerWeek);
    c.activityEveryDays = p.intAttribute("activityEveryDays", activityEveryDays);
    c.complaintShareLimit = doubleAttribute(p, "complaintShareLimit", complaintShareLimit);
    c.emotionalGroup = purchaseOf(p.getAttributes().get(PURCHASE_ATTRIBUTE), p.getInterests());
    return c;
  }

  private Boolean purchaseOf(String override, List<String> interests) {
    if (override != null) {
      String word = override.strip().toLowerCase(java.util.Locale.ROOT);
      if (word.equals("emotional")) {
        return true;
      }
      if (word.equals("rational")) {
        return false;
      }
    }
    for (String interest : interests) {
      if (emotional.contains(interest)) {
        return true;
      }
      if (rational.contains(interest)) {
        return false;
      }
    }
    return false;
  }

  private static double doubleAttribute(Portrait p, String key, double fallback) {
    String value = p.getAttributes().get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Double.parseDouble(value.strip());
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** Whether the group buys on emotion, so that a scene comes before an offer; see {@link #forGroup}. */
  public boolean isEmotional() {
    return Boolean.TRUE.equals(emotionalGroup);
  }

  /**
   * Whether selling {@code item} to the group needs a scene first: the item's own tag
   * {@code emotional} or {@code rational} decides, else how the group buys.
   */
  public boolean needsScene(ContentItem item) {
    if (item.hasTag("emotional")) {
      return true;
    }
    if (item.hasTag("rational")) {
      return false;
    }
    return isEmotional();
  }

  /** Whether {@code interest} is bought on emotion by default. */
  public boolean isEmotionalInterest(String interest) {
    return emotional.contains(interest);
  }

  /** The urgency of a step of the cycle by its name (see rules/README.md); 50 for an unknown name. */
  public int urgency(String step) {
    return urgencies.getOrDefault(step, 50);
  }

  public Map<String, Integer> getUrgencies() {
    return Collections.unmodifiableMap(urgencies);
  }

  public List<String> getEmotionalInterests() {
    return emotional;
  }

  public List<String> getRationalInterests() {
    return rational;
  }

  public double getComplaintShareLimit() {
    return complaintShareLimit;
  }

  public int getMinGapMinutes() {
    return minGapMinutes;
  }

  public int getMaxSendsPerDay() {
    return maxSendsPerDay;
  }

  public int getMonthlySendQuota() {
    return monthlySendQuota;
  }

  public int getMaxOffersPerWeek() {
    return maxOffersPerWeek;
  }

  public int getOfferAtMostOneIn() {
    return offerAtMostOneIn;
  }

  public int getSceneValidDays() {
    return sceneValidDays;
  }

  public int getActivityEveryDays() {
    return activityEveryDays;
  }

  public int getNoRepeatDays() {
    return noRepeatDays;
  }

  public int getWelcomeWaveJoins() {
    return welcomeWaveJoins;
  }

  public int getLivenEveryDays() {
    return livenEveryDays;
  }

  public PlaybookSettings livenEveryDays(int value) {
    this.livenEveryDays = value;
    return this;
  }

  public int getRetryWhenEmptyMinutes() {
    return retryWhenEmptyMinutes;
  }

  public PlaybookSettings complaintShareLimit(double value) {
    this.complaintShareLimit = value;
    return this;
  }

  public PlaybookSettings minGapMinutes(int value) {
    this.minGapMinutes = value;
    return this;
  }

  public PlaybookSettings maxSendsPerDay(int value) {
    this.maxSendsPerDay = value;
    return this;
  }

  public PlaybookSettings monthlySendQuota(int value) {
    this.monthlySendQuota = value;
    return this;
  }

  public PlaybookSettings maxOffersPerWeek(int value) {
    this.maxOffersPerWeek = value;
    return this;
  }

  public PlaybookSettings offerAtMostOneIn(int value) {
    this.offerAtMostOneIn = Math.max(1, value);
    return this;
  }

  public PlaybookSettings sceneValidDays(int value) {
    this.sceneValidDays = value;
    return this;
  }

  public PlaybookSettings activityEveryDays(int value) {
    this.activityEveryDays = value;
    return this;
  }

  public PlaybookSettings noRepeatDays(int value) {
    this.noRepeatDays = value;
    return this;
  }

  public PlaybookSettings welcomeWaveJoins(int value) {
    this.welcomeWaveJoins = value;
    return this;
  }

  public PlaybookSettings retryWhenEmptyMinutes(int value) {
    this.retryWhenEmptyMinutes = Math.max(1, value);
    return this;
  }

  /** The interests bought on emotion by default; replaces the list. */
  public PlaybookSettings emotionalInterests(String... interests) {
    this.emotional = List.of(interests);
    return this;
  }

  /** The interests bought on reason by default; replaces the list. */
  public PlaybookSettings rationalInterests(String... interests) {
    this.rational = List.of(interests);
    return this;
  }

  /** Whether learning from outcomes chooses ({@code on}), only records its choice ({@code shadow}) or is {@code off}. */
  public String getLearning() {
    return learning;
  }

  /** The largest score bonus learning gives a candidate, from 0 to 100. */
  public int getLearningBonus() {
    return learningBonus;
  }

  /** Posts of an item in a segment after which it is drawn for in every decision. */
  public int getMaturityPosts() {
    return maturityPosts;
  }

  /** The share of decisions in which an item with no posts yet is drawn for. */
  public double getNewItemTrialShare() {
    return newItemTrialShare;
  }

  /** The most decisions in which an offer's learning bonus comes from a draw rather than its mean. */
  public double getOfferExplorationShare() {
    return offerExplorationShare;
  }

  /** Sets the learning mode: {@code off}, {@code shadow} or {@code on}. */
  public PlaybookSettings learning(String mode) {
    String word = Objects.requireNonNull(mode, "learning").strip().toLowerCase(java.util.Locale.ROOT);
    if (!List.of("off", "shadow", "on").contains(word)) {
      throw new IllegalArgumentException("learning must be off, shadow or on, not '" + mode + "'");
    }
    learning = word;
    return this;
  }

  /** Sets the largest learning bonus (0 to 100). */
  public PlaybookSettings learningBonus(int value) {
    learningBonus = Math.max(0, Math.min(100, value));
    return this;
  }

  /** Sets after how many posts in a segment an item is mature (at least 1). */
  public PlaybookSettings maturityPosts(int value) {
    maturityPosts = Math.max(1, value);
    return this;
  }

  /** Sets the share (0 to 1) of decisions in which a new item is drawn for. */
  public PlaybookSettings newItemTrialShare(double value) {
    newItemTrialShare = Math.max(0, Math.min(1, value));
    return this;
  }

  /** Sets the cap (0 to 1) on the share of decisions in which an offer is drawn for. */
  public PlaybookSettings offerExplorationShare(double value) {
    offerExplorationShare = Math.max(0, Math.min(1, value));
    return this;
  }

  /** Sets the urgency (0 to 100) of one step of the cycle. */
  public PlaybookSettings urgency(String step, int value) {
    urgencies.put(Objects.requireNonNull(step, "step"), Math.max(0, Math.min(100, value)));
    return this;
  }

  /** Every setting by name, for explanations and the console. */
  public Map<String, Object> describe() {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("complaintShareLimit", complaintShareLimit);
    all.put("minGapMinutes", minGapMinutes);
    all.put("maxSendsPerDay", maxSendsPerDay);
    all.put("monthlySendQuota", monthlySendQuota);
    all.put("maxOffersPerWeek", maxOffersPerWeek);
    all.put("offerAtMostOneIn", offerAtMostOneIn);
    all.put("sceneValidDays", sceneValidDays);
    all.put("activityEveryDays", activityEveryDays);
    all.put("noRepeatDays", noRepeatDays);
    all.put("welcomeWaveJoins", welcomeWaveJoins);
    all.put("livenEveryDays", livenEveryDays);
    all.put("retryWhenEmptyMinutes", retryWhenEmptyMinutes);
    all.put("learning", learning);
    all.put("learningBonus", learningBonus);
    all.put("maturityPosts", maturityPosts);
    all.put("newItemTrialShare", newItemTrialShare);
    all.put("offerExplorationShare", offerExplorationShare);
    all.put("emotional", new ArrayList<>(emotional));
    all.put("rational", new ArrayList<>(rational));
    all.put("urgencies", new LinkedHashMap<>(urgencies));
    if (emotionalGroup != null) {
      all.put("groupIsEmotional", emotionalGroup);
    }
    return all;
  }
}

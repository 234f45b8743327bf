package community.recommender.engine.model;

import java.time.Instant;
import java.time.YearMonth;

/**
 * How many messages a group may receive per month, week and day, from every sender together.
 *
 * <p>The platform sets the default: a WeCom customer group receives at most as many mass messages a
 * month as the month has days. A group's portrait attributes {@code monthlySendQuota},
 * {@code weeklySendQuota} and {@code dailySendQuota} override it (WeCom admins may tighten it to 7 a
 * week or 1 a day). {@link #NONE} ({@code -1}) means no quota.
 *
 * @param monthly sends a calendar month, or -1
 * @param weekly sends a week (Monday to Sunday), or -1
 * @param daily sends a day, or -1
 */
public record SendQuota(int monthly, int weekly, int daily) {
  /** No quota at all. */
  public static final int NONE = -1;

  /** The quota of a group on its platform, with its portrait's overrides, for the month of {@code now}. */
  public static SendQuota of(Portrait portrait, Instant now) {
    int platformMonthly = portrait.getPlatform() == Platform.WECOM
        ? YearMonth.from(now.atZone(portrait.getTimezone())).lengthOfMonth() : NONE;
    return new SendQuota(portrait.intAttribute("monthlySendQuota", platformMonthly),
        portrait.intAttribute("weeklySendQuota", NONE), portrait.intAttribute("dailySendQuota", NONE));
  }

  /** No quota at all. */
  public static SendQuota none() {
    return new SendQuota(NONE, NONE, NONE);
  }
}

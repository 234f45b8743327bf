package community.recommender.engine.model;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the group has been sent lately, summed up for rules: the last kinds, offer counts, the
 * last sending time and this month's sends. Only sent suggestions count (see
 * {@link PastSuggestion#isSent()}); the day, week and month counts and what is left of the group's
 * {@link SendQuota} count messages from other senders as well ({@link ExternalSends}).
 */
public final class History {
  /** How far back a decision sees a group's suggestions: what was sent before this does not count. */
  public static final Duration WINDOW = Duration.ofDays(90);

  private final List<PastSuggestion> sent;
  private final Instant now;
  private final ZoneId zone;
  /**
   * For each content id sent, how many days ago it was last sent: rules ask this of every candidate,
   * so it is looked up rather than searched. Built on first use.
   */
  private Map<String, Long> daysSinceContent;

  private final ExternalSends external;
  private final SendQuota quota;

  public History(List<PastSuggestion> past, Instant now, ZoneId zone) {
    this(past, ExternalSends.NONE, SendQuota.none(), now, zone);
  }

  /** A history that also counts sends by others, against {@code quota}. */
  public History(List<PastSuggestion> past, ExternalSends external, SendQuota quota, Instant now, ZoneId zone) {
    List<PastSuggestion> newestFirst = new ArrayList<>(past.size());
    for (PastSuggestion p : past) {
      if (p.isSent()) {
        newestFirst.add(p);
      }
    }
    newestFirst.sort(Comparator.comparing(PastSuggestion::getSentAt).reversed());
    this.sent = Collections.unmodifiableList(newestFirst);
    this.now = now;
    this.zone = zone;
    this.external = external;
    this.quota = quota;
  }

  /** An empty history, for a group that was never sent anything. */
  public static History none(Instant now, ZoneId zone) {
    return new History(List.of(), now, zone);
  }

  /** Sent suggestions, newest first. */
  public List<PastSuggestion> getSent() {
    return sent;
  }

  /** The kinds of the last {@code n} sent suggestions, newest first. */
  public List<ContentKind> lastKinds(int n) {
    List<ContentKind> kinds = new ArrayList<>();
    for (int i = 0; i < Math.min(requireCount(n), sent.size()); i++) {
      kinds.add(sent.get(i).getKind());
    }
    return List.copyOf(kinds);
  }

  /** Whether the last {@code n} sent suggestions were all of {@code kind} (false when fewer were sent). */
  public boolean lastWereAll(int n, ContentKind kind) {
    if (requireCount(n) > sent.size()) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (sent.get(i).getKind() != kind) {
        return false;
      }
    }
    return true;
  }

  /** How many of the last {@code n} sent suggestions were offers. */
  public long offersAmongLast(int n) {
    long offers = 0;
    for (int i = 0; i < Math.min(requireCount(n), sent.size()); i++) {
      if (sent.get(i).getKind() == ContentKind.OFFER) {
        offers++;
      }
    }
    return offers;
  }

  /** How many offers were sent in the last {@code days} days. */
  public long offersInLastDays(int days) {
    long offers = 0;
    for (PastSuggestion p : sent) {
      if (p.getDaysAgo() < days && p.getKind() == ContentKind.OFFER) {
        offers++;
      }
    }
    return offers;
  }

  /** Whole days since something of {@code kind} was sent; a large number (9999) when never. */
  public long daysSinceLast(ContentKind kind) {
    for (PastSuggestion p : sent) {
      if (p.getKind() == kind) {
        return p.getDaysAgo();
      }
    }
    return NEVER;
  }

  /** Whole days since something tagged {@code tag} was sent; 9999 when never. */
  public long daysSinceTag(String tag) {
    for (PastSuggestion p : sent) {
      if (p.hasTag(tag)) {
        return p.getDaysAgo();
      }
    }
    return NEVER;
  }

  /** Whether {@code contentId} was sent in the last {@code days} days. */
  public boolean sentContentWithin(String contentId, int days) {
    if (daysSinceContent == null) {
      Map<String, Long> latest = new HashMap<>();
      sent.forEach(p -> latest.merge(p.getContentId(), p.getDaysAgo(), Math::min));
      daysSinceContent = latest;
    }
    Long daysAgo = daysSinceContent.get(contentId);
    return daysAgo != null && daysAgo < days;
  }

  /** When the group was last sent anything, or null. */
  public Instant getLastSentAt() {
    return sent.isEmpty() ? null : sent.get(0).getSentAt();
  }

  /** Minutes since the group was last sent anything; 9999999 when never. */
  public long getMinutesSinceLastSent() {
    Instant last = getLastSentAt();
    return last == null ? 9_999_999 : Duration.between(last, now).toMinutes();
  }

  /** How many messages the group got this calendar month in its time zone, from every sender. */
  public long getSentThisMonth() {
    LocalDate first = YearMonth.from(now.atZone(zone)).atDay(1);
    return sentFrom(first.atStartOfDay(zone).toInstant(), getNextMonthStart())
        + external.between(first, first.plusMonths(1));
  }

  /** How many messages the group got this week (from Monday) in its time zone, from every sender. */
  public long getSentThisWeek() {
    LocalDate monday = now.atZone(zone).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    return sentFrom(monday.atStartOfDay(zone).toInstant(), getNextWeekStart())
        + external.between(monday, monday.plusWeeks(1));
  }

  /** How many messages the group got today in its time zone, from every sender. */
  public long getSentToday() {
    LocalDate today = now.atZone(zone).toLocalDate();
    return sentFrom(today.atStartOfDay(zone).toInstant(), getNextDayStart()) + external.between(today, today.plusDays(1));
  }

  /** The start of next week (Monday) in the group's time zone, when a weekly quota resets. */
  public Instant getNextWeekStart() {
    return now.atZone(zone).toLocalDate().with(TemporalAdjusters.next(DayOfWeek.MONDAY)).atStartOfDay(zone).toInstant();
  }

  /** What is left of the group's monthly quota (never below 0); 9999 when it has none. */
  public long getLeftThisMonth() {
    return left(quota.monthly(), getSentThisMonth());
  }

  /** What is left of the group's weekly quota (never below 0); 9999 when it has none. */
  public long getLeftThisWeek() {
    return left(quota.weekly(), getSentThisWeek());
  }

  /** What is left of the group's daily quota (never below 0); 9999 when it has none. */
  public long getLeftToday() {
    return left(quota.daily(), getSentToday());
  }

  /** How many suggestions were sent in the last {@code seconds} seconds. */
  public long sentWithinSeconds(int seconds) {
    return sentFrom(now.minusSeconds(seconds), now.plusNanos(1));
  }

  /**
   * When a window of {@code seconds} seconds holds fewer than {@code messages} of the group's sends
   * again: the {@code messages}-th newest send plus the window; now when it already does.
   */
  public Instant rateWindowFreesAt(int messages, int seconds) {
    if (messages < 1 || sent.size() < messages) {
      return now;
    }
    Instant frees = sent.get(messages - 1).getSentAt().plusSeconds(seconds);
    return frees.isAfter(now) ? frees : now;
  }

  /** The group's quotas: per month, week and day, each -1 when it has none. */
  public SendQuota getQuota() {
    return quota;
  }

  private static long left(int quota, long sent) {
    return quota == SendQuota.NONE ? NEVER : Math.max(0, quota - sent);
  }

  /** How many suggestions were sent from {@code start} (inclusive) to {@code end} (exclusive). */
  private long sentFrom(Instant start, Instant end) {
    long count = 0;
    for (PastSuggestion p : sent) {
      Instant at = p.getSentAt();
      if (at.isBefore(start)) {
        break;
      }
      if (at.isBefore(end)) {
        count++;
      }
    }
    return count;
  }

  /** The start of tomorrow in the group's time zone, when a daily limit resets. */
  public Instant getNextDayStart() {
    return now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
  }

  /**
   * Whether something of kind {@code since} was sent and nothing of kind {@code kind} after it:
   * {@code noneSinceLast(ContentKind.ACTIVITY, ContentKind.OFFER)} is true right after an offer
   * until an activity follows.
   */
  public boolean noneSinceLast(ContentKind kind, ContentKind since) {
    for (PastSuggestion p : sent) {
      if (p.getKind() == since) {
        return true;
      }
      if (p.getKind() == kind) {
        return false;
      }
    }
    return false;
  }

  /** The start of next calendar month in the group's time zone, when a monthly quota resets. */
  public Instant getNextMonthStart() {
    return YearMonth.from(now.atZone(zone)).plusMonths(1).atDay(1).atStartOfDay(zone).toInstant();
  }

  /** A count of last suggestions may not be negative. */
  private static int requireCount(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a count of suggestions must not be negative: " + n);
    }
    return n;
  }

  private static final long NEVER = 9999;
}

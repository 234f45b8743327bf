package community.recommender.engine.model;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;

/**
 * What the group has been sent lately, summed up for rules: the last kinds, offer counts, the
 * last sending time and this month's sends. Only sent suggestions count (see
 * {@link PastSuggestion#isSent()}).
 */
public final class History {
  /** How far back a decision sees a group's suggestions: what was sent before this does not count. */
  public static final Duration WINDOW = Duration.ofDays(90);

  private final List<PastSuggestion> sent;
  private final Instant now;
  private final ZoneId zone;

  public History(List<PastSuggestion> past, Instant now, ZoneId zone) {
    this.sent = past.stream().filter(PastSuggestion::isSent)
        .sorted(Comparator.comparing(PastSuggestion::getSentAt).reversed()).toList();
    this.now = now;
    this.zone = zone;
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
    return sent.stream().limit(n).map(PastSuggestion::getKind).toList();
  }

  /** Whether the last {@code n} sent suggestions were all of {@code kind} (false when fewer were sent). */
  public boolean lastWereAll(int n, ContentKind kind) {
    List<ContentKind> kinds = lastKinds(n);
    return kinds.size() == n && kinds.stream().allMatch(k -> k == kind);
  }

  /** How many of the last {@code n} sent suggestions were offers. */
  public long offersAmongLast(int n) {
    return sent.stream().limit(n).filter(p -> p.getKind() == ContentKind.OFFER).count();
  }

  /** How many offers were sent in the last {@code days} days. */
  public long offersInLastDays(int days) {
    return sentWithin(days).stream().filter(p -> p.getKind() == ContentKind.OFFER).count();
  }

  /** Whole days since something of {@code kind} was sent; a large number (9999) when never. */
  public long daysSinceLast(ContentKind kind) {
    return sent.stream().filter(p -> p.getKind() == kind).findFirst().map(PastSuggestion::getDaysAgo).orElse(NEVER);
  }

  /** Whole days since something tagged {@code tag} was sent; 9999 when never. */
  public long daysSinceTag(String tag) {
    return sent.stream().filter(p -> p.hasTag(tag)).findFirst().map(PastSuggestion::getDaysAgo).orElse(NEVER);
  }

  /** Whether {@code contentId} was sent in the last {@code days} days. */
  public boolean sentContentWithin(String contentId, int days) {
    return sentWithin(days).stream().anyMatch(p -> p.getContentId().equals(contentId));
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

  /** How many suggestions were sent this calendar month, in the group's time zone. */
  public long getSentThisMonth() {
    YearMonth month = YearMonth.from(now.atZone(zone));
    return sent.stream().filter(p -> YearMonth.from(p.getSentAt().atZone(zone)).equals(month)).count();
  }

  /** How many suggestions were sent today, in the group's time zone. */
  public long getSentToday() {
    java.time.LocalDate today = now.atZone(zone).toLocalDate();
    return sent.stream().filter(p -> p.getSentAt().atZone(zone).toLocalDate().equals(today)).count();
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

  private List<PastSuggestion> sentWithin(int days) {
    return sent.stream().filter(p -> p.getDaysAgo() < days).toList();
  }

  private static final long NEVER = 9999;
}

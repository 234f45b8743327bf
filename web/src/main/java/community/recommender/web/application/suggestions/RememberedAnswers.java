package community.recommender.web.application.suggestions;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import community.recommender.web.store.ChangeNotices;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers, on this node, each group's last answer while it stands, so that most polls are answered
 * from memory: a hold (until it ends), and the pending suggestion an operator looked at.
 *
 * <p>An answer is forgotten at once on a change notice for its group (activity, portrait, content,
 * feedback, a new pending suggestion, a claim) or for every group (a rule change). It is remembered
 * only when no notice for its group came while it was being worked out, so a change that races a
 * poll is never hidden behind the poll's old answer, while notices for other groups leave it be.
 * Each group's notices are counted in one of {@value #STAMPS} stamps chosen by its id, so memory
 * stays fixed however many groups there are; two groups that share a stamp only forget a little
 * more often. At most {@value #MOST_ANSWERS} answers are kept, the least used going first. A
 * remembered pending suggestion is never handed out on memory alone: a bot's claim is still the
 * conditional update in PostgreSQL.
 */
public final class RememberedAnswers {
  /** How many answers are kept at most: a fleet of 10,000 groups fits several times over. */
  static final int MOST_ANSWERS = 50_000;
  /** How many notice counters groups share. */
  static final int STAMPS = 4096;

  private final Cache<String, SuggestionAnswer> answers = Caffeine.newBuilder().maximumSize(MOST_ANSWERS).build();
  private final AtomicLongArray stamps = new AtomicLongArray(STAMPS);

  public RememberedAnswers(ChangeNotices changes) {
    changes.onNotice(this::forget);
  }

  /** A mark to pass to {@link #remember}: take it before reading what the group's answer is made of. */
  public long mark(String groupId) {
    return stamps.get(stampOf(groupId));
  }

  /** The group's remembered answer: a hold that has not ended, or a suggestion; empty when none. */
  public Optional<SuggestionAnswer> at(String groupId, Instant now) {
    SuggestionAnswer answer = answers.getIfPresent(groupId);
    if (answer instanceof SuggestionAnswer.Held held && !held.until().isAfter(now)) {
      answers.asMap().remove(groupId, answer);
      return Optional.empty();
    }
    return Optional.ofNullable(answer);
  }

  /** Remembers {@code answer} unless a notice for the group came after {@code mark} was taken. */
  public void remember(String groupId, SuggestionAnswer answer, long mark) {
    answers.put(groupId, answer);
    if (stamps.get(stampOf(groupId)) != mark) {
      answers.asMap().remove(groupId, answer);
    }
  }

  /** Forgets the group's answer (every group's for {@link ChangeNotices#EVERY_GROUP}), as when it no longer stands. */
  public void forget(String groupId) {
    if (ChangeNotices.EVERY_GROUP.equals(groupId)) {
      for (int i = 0; i < STAMPS; i++) {
        stamps.incrementAndGet(i);
      }
      answers.invalidateAll();
    } else {
      stamps.incrementAndGet(stampOf(groupId));
      answers.invalidate(groupId);
    }
  }

  /** How many answers are remembered now. */
  long size() {
    return answers.estimatedSize();
  }

  private static int stampOf(String groupId) {
    return Math.floorMod(groupId.hashCode(), STAMPS);
  }
}

package community.recommender.web.application.suggestions;

import community.recommender.web.store.ChangeNotices;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers, on this node, each group's last answer while it stands, so that most polls are answered
 * from memory: a hold (until it ends), and the pending suggestion an operator looked at.
 *
 * <p>An answer is forgotten at once on any change notice for its group (activity, portrait,
 * content, feedback, a new pending suggestion, a claim) or for every group (a rule change). It is
 * remembered only when no notice came while it was being worked out, so a change that races a poll
 * is never hidden behind the poll's old answer. A remembered pending suggestion is never handed out
 * on memory alone: a bot's claim is still the conditional update in PostgreSQL.
 */
public final class RememberedAnswers {
  private final Map<String, SuggestionAnswer> answers = new ConcurrentHashMap<>();
  private final AtomicLong notices = new AtomicLong();

  public RememberedAnswers(ChangeNotices changes) {
    changes.onNotice(this::forget);
  }

  /** A mark to pass to {@link #remember}: take it before reading what the answer is made of. */
  public long mark() {
    return notices.get();
  }

  /** The group's remembered answer: a hold that has not ended, or a suggestion; empty when none. */
  public Optional<SuggestionAnswer> at(String groupId, Instant now) {
    SuggestionAnswer answer = answers.get(groupId);
    if (answer instanceof SuggestionAnswer.Held held && !held.until().isAfter(now)) {
      answers.remove(groupId, answer);
      return Optional.empty();
    }
    return Optional.ofNullable(answer);
  }

  /** Remembers {@code answer} unless a change notice came after {@code mark} was taken. */
  public void remember(String groupId, SuggestionAnswer answer, long mark) {
    answers.put(groupId, answer);
    if (notices.get() != mark) {
      answers.remove(groupId, answer);
    }
  }

  /** Forgets the group's answer, as when it no longer stands. */
  public void forget(String groupId) {
    notices.incrementAndGet();
    if (ChangeNotices.EVERY_GROUP.equals(groupId)) {
      answers.clear();
    } else {
      answers.remove(groupId);
    }
  }
}

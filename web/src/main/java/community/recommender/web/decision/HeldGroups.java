package community.recommender.web.decision;

import community.recommender.web.delivery.ChangeNotices;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Remembers, on this node, which groups the rules hold back and until when, so that the polls of a
 * held group (most polls, once a chat tool has posted) are answered from memory instead of by a
 * fresh decision.
 *
 * <p>What is remembered is forgotten at the end of the hold, and at once on any change notice for
 * the group (activity, portrait, content, feedback, a new pending suggestion) or for every group (a
 * rule change). A hold is remembered only when no notice came while it was being decided, so a
 * change that races a decision is never hidden behind the decision's old answer.
 */
public final class HeldGroups {
  private final Map<String, SuggestionAnswer.Held> held = new ConcurrentHashMap<>();
  private final AtomicLong notices = new AtomicLong();

  public HeldGroups(ChangeNotices changes) {
    changes.onNotice(this::forget);
  }

  /** A mark to pass to {@link #remember}: take it before reading what the decision reads. */
  public long mark() {
    return notices.get();
  }

  /** The hold on {@code groupId} at {@code now}, if one is remembered. */
  public Optional<SuggestionAnswer.Held> at(String groupId, Instant now) {
    SuggestionAnswer.Held hold = held.get(groupId);
    if (hold == null) {
      return Optional.empty();
    }
    if (!hold.until().isAfter(now)) {
      held.remove(groupId, hold);
      return Optional.empty();
    }
    return Optional.of(hold);
  }

  /** Remembers {@code hold} unless a change notice came after {@code mark} was taken. */
  public void remember(String groupId, SuggestionAnswer.Held hold, long mark) {
    held.put(groupId, hold);
    if (notices.get() != mark) {
      held.remove(groupId, hold);
    }
  }

  /** How many holds are remembered. */
  public int size() {
    return held.size();
  }

  private void forget(String groupId) {
    notices.incrementAndGet();
    if (ChangeNotices.EVERY_GROUP.equals(groupId)) {
      held.clear();
    } else {
      held.remove(groupId);
    }
  }
}

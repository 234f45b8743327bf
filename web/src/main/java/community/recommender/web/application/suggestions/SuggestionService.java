package community.recommender.web.application.suggestions;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.decision.Decision;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.application.groups.GroupNotFound;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.DecisionRecords;
import community.recommender.web.store.DecisionSnapshot;
import community.recommender.web.store.RecordedSilence;
import community.recommender.web.store.Silence;
import community.recommender.web.store.SilenceStore;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a group's next suggestion: its pending one while it is current, otherwise a fresh
 * decision over the group's recent history, stored as the new pending one.
 *
 * <p>A pending suggestion is current while the active rules made it and it is younger than the
 * pending TTL; activity, portrait and content changes supersede it in the store. A bot's poll claims
 * what it gets, so the next poll decides anew, and the pacing rules then usually hold the group.
 *
 * <p>A poll that decides reads twice and commits once: the pending suggestion, one snapshot of
 * everything the decision reads, then the outcome with its content gaps and its notice, a silence in
 * one statement or a suggestion in one transaction, which for a bot also delivers it.
 */
public final class SuggestionService {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionService.class);
  /** How often one poll tries again when other pollers of the same group keep winning the race. */
  private static final int ATTEMPTS = 3;

  private final DecisionRecords records;
  private final SuggestionStore suggestions;
  private final Decider decider;
  private final Clock clock;
  private final Duration pendingTtl;
  private final RememberedAnswers remembered;
  private final SilenceStore silences;
  /** The looks (polls that claim nothing) being answered now, by group. */
  private final Map<String, Future<SuggestionAnswer>> looks = new ConcurrentHashMap<>();

  /**
   * A pending suggestion serves for {@code pendingTtl}. Answers are remembered on this node until a
   * change notice says they no longer stand; they are forgotten before anyone who registers with
   * {@code notices} later is told, so that a woken poll never gets a stale answer.
   */
  public SuggestionService(DecisionRecords records, SuggestionStore suggestions, ChangeNotices notices,
      Decider decider, Clock clock, Duration pendingTtl, SilenceStore silences) {
    this.records = records;
    this.suggestions = suggestions;
    this.decider = decider;
    this.clock = clock;
    this.pendingTtl = pendingTtl;
    this.remembered = new RememberedAnswers(notices);
    this.silences = silences;
  }

  /** The group's latest recorded silence: the last decision that sent it nothing, and since when. */
  public Future<Optional<RecordedSilence>> latestSilence(String groupId) {
    return silences.latest(groupId);
  }

  /**
   * What {@code groupId} should get next. With {@code claimFor} (a bot token's id) a suggestion is
   * handed to that bot and no one else; without it, it stays pending.
   */
  public Future<SuggestionAnswer> next(String groupId, String claimFor) {
    return next(groupId, claimFor, SeenSuggestions.NONE);
  }

  /**
   * As {@link #next(String, String)}, except that a suggestion the poller already holds ({@code seen})
   * is answered but never claimed: the poller will not be sent it, so it stays pending.
   */
  public Future<SuggestionAnswer> next(String groupId, String claimFor, SeenSuggestions seen) {
    if (claimFor != null) {
      return attempt(groupId, claimFor, seen, ATTEMPTS);
    }
    Optional<SuggestionAnswer> known = fromMemory(groupId, null);
    if (known.isPresent()) {
      return Future.succeededFuture(known.get());
    }
    // Looks at one group while its answer is being worked out share that work: after a rule swap or
    // a change, the group is read and decided once on this node, not once per poller.
    Promise<SuggestionAnswer> mine = Promise.promise();
    Future<SuggestionAnswer> running = looks.putIfAbsent(groupId, mine.future());
    if (running != null) {
      return running;
    }
    attempt(groupId, null, seen, ATTEMPTS).onComplete(done -> {
      looks.remove(groupId, mine.future());
      mine.handle(done);
    });
    return mine.future();
  }

  /**
   * The answer {@code groupId}'s poll gets from this node's memory alone, with nothing read or written:
   * a hold that has not ended, or, for a look ({@code claimFor} null), the pending suggestion while it
   * is current. Empty when the poll needs the database, as a bot's claim always does.
   */
  public Optional<SuggestionAnswer> fromMemory(String groupId, String claimFor) {
    return standing(groupId, clock.instant())
        .filter(answer -> claimFor == null || answer instanceof SuggestionAnswer.Held);
  }

  /** The group's remembered answer while it stands at {@code now}: a hold, or a current pending suggestion. */
  private Optional<SuggestionAnswer> standing(String groupId, Instant now) {
    return remembered.at(groupId, now).filter(answer -> answer instanceof SuggestionAnswer.Held
        || answer instanceof SuggestionAnswer.Suggested pending && isCurrent(pending.suggestion(), now));
  }

  private Future<SuggestionAnswer> attempt(String groupId, String claimFor, SeenSuggestions seen, int attemptsLeft) {
    if (attemptsLeft == 0) {
      // Other pollers of this group won every race; they were served, so this one may ask again shortly.
      return Future.succeededFuture(new SuggestionAnswer.Held(clock.instant().plusSeconds(1), List.of(), new JsonObject()));
    }
    Instant now = clock.instant();
    Optional<SuggestionAnswer> known = standing(groupId, now);
    if (known.isPresent()) {
      return known.get() instanceof SuggestionAnswer.Suggested pending && claimFor != null
          && !seen.holds(pending.suggestion().id()) ? claim(pending, claimFor, seen, attemptsLeft)
          : Future.succeededFuture(known.get());
    }
    long mark = remembered.mark(groupId);
    // The pending suggestion first, alone: while it is current, the poll needs nothing else.
    return suggestions.pending(groupId).map(stored -> stored.map(SuggestionAnswer.Suggested::of)).compose(pending -> {
      if (pending.isPresent() && isCurrent(pending.get().suggestion(), now)) {
        if (claimFor == null || seen.holds(pending.get().suggestion().id())) {
          remembered.remember(groupId, pending.get(), mark);
          return Future.succeededFuture(pending.get());
        }
        return claim(pending.get(), claimFor, seen, attemptsLeft);
      }
      String stale = pending.map(p -> p.suggestion().id()).orElse(null);
      return records.snapshot(groupId, now).compose(found -> {
        DecisionSnapshot basis = found.orElseThrow(() -> new GroupNotFound(groupId));
        return decideAndStore(basis, stale, claimFor, seen, now, mark)
            .compose(answer -> answer.isPresent() ? Future.succeededFuture(answer.get())
                : attempt(groupId, claimFor, seen, attemptsLeft - 1));
      });
    });
  }

  /**
   * Hands {@code pending} to the bot {@code claimFor}, or, when another poller got it first, decides
   * anew. Either way every node forgets it as pending.
   */
  private Future<SuggestionAnswer> claim(SuggestionAnswer.Suggested pending, String claimFor, SeenSuggestions seen,
      int attemptsLeft) {
    String groupId = pending.suggestion().groupId();
    return suggestions.claim(pending.suggestion().id(), claimFor).compose(won -> {
      if (won) {
        return Future.succeededFuture(pending);
      }
      remembered.forget(groupId);
      return attempt(groupId, claimFor, seen, attemptsLeft - 1);
    });
  }

  /**
   * A pending suggestion serves while it was made by the rules its group is decided by (the active
   * rules, or its experiment arm's) and is younger than the TTL.
   */
  private boolean isCurrent(Suggestion pending, Instant now) {
    return pending.ruleSetVersion() == decider.versionFor(pending.groupId(), now)
        && pending.createdAt().isAfter(now.minus(pendingTtl));
  }

  /**
   * Keeps a decision that sent nothing, so an operator can see later why the group was silent, with
   * the gaps it met when it looked for content (a held decision looked for nothing). Only decisions
   * are recorded: polls answered from a remembered hold decide nothing and write nothing. A silence
   * that cannot be written costs the answer nothing.
   */
  private Future<Void> recordSilence(String groupId, Silence silence, String stale, Decision decision, Instant now) {
    Optional<List<ContentGap>> gaps = decision.isHeld() ? Optional.empty() : Optional.of(decision.gaps());
    return records.silence(groupId, silence, stale, gaps, now).recover(e -> {
      LOG.warn("cannot record the silence of group {}", groupId, e);
      return Future.succeededFuture();
    });
  }

  /**
   * Decides anew over one snapshot of the group and stores the outcome in one statement; empty when
   * the group moved on while deciding (another poller was served).
   */
  private Future<Optional<SuggestionAnswer>> decideAndStore(DecisionSnapshot basis, String stale, String claimFor,
      SeenSuggestions seen, Instant now, long heldMark) {
    Group group = basis.group();
    String groupId = group.getId();
    Future<Decided> decided = decider.decide(group, basis.history(), basis.external(), now);
    return decided.compose(made -> {
      Decision decision = made.decision();
      JsonObject explanation = DecisionJson.explanation(decision, group);
      made.enrolment().ifPresent(enrolment -> explanation.put("experiment", new JsonObject()
          .put("id", enrolment.experiment().id()).put("name", enrolment.experiment().name())
          .put("arm", enrolment.arm().name()).put("treatment", enrolment.arm().treatment().describe())));
      if (decision.heldUntil().isPresent() || decision.winner().isEmpty()) {
        SuggestionAnswer answer;
        Silence silence;
        if (decision.heldUntil().isPresent()) {
          SuggestionAnswer.Held hold = new SuggestionAnswer.Held(decision.heldUntil().get(), decision.reasons(),
              explanation);
          remembered.remember(groupId, hold, heldMark);
          answer = hold;
          silence = new Silence(Silence.HELD, hold.until(), decision.ruleSetVersion(), hold.reasons(), explanation);
        } else {
          SuggestionAnswer.Nothing nothing = new SuggestionAnswer.Nothing(
              decision.retryAt().orElse(now.plusSeconds(3600)), decision.reasons(), explanation);
          answer = nothing;
          silence = new Silence(Silence.EMPTY, nothing.retryAt(), decision.ruleSetVersion(), nothing.reasons(),
              explanation);
        }
        return recordSilence(groupId, silence, stale, decision, now).map(done -> Optional.of(answer));
      }
      // Stored to the microsecond, so the first answer's createdAt is the one every later read gives.
      Suggestion suggestion = new Suggestion(UUID.randomUUID().toString(), groupId, decision.winner().get(),
          decision.score(), decision.reasons(), decision.ruleSetVersion(), now.truncatedTo(ChronoUnit.MICROS));
      SuggestionAnswer.Suggested answer = new SuggestionAnswer.Suggested(suggestion, explanation);
      // A poller that holds whatever is current (If-None-Match: *) is not sent this one, so it stays pending.
      String claimant = seen.holds(suggestion.id()) ? null : claimFor;
      // Stored pending, or delivered to the bot with the same commit; the one-pending index keeps
      // concurrent deciders apart either way.
      return records.suggest(suggestion, explanation, basis, stale, decision.gaps(), claimant, now)
          .map(stored -> stored ? Optional.<SuggestionAnswer>of(answer) : Optional.<SuggestionAnswer>empty());
    });
  }

}

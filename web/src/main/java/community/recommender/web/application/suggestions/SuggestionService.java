package community.recommender.web.application.suggestions;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.History;
import community.recommender.engine.model.Suggestion;
import community.recommender.web.application.groups.GroupNotFound;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.ContentGapStore;
import community.recommender.web.store.ExternalSendStore;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.RecordedSilence;
import community.recommender.web.store.Silence;
import community.recommender.web.store.SilenceStore;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import community.recommender.engine.model.PastSuggestion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers a group's next suggestion: its pending one while it is current, otherwise a fresh
 * decision over the group's recent history, stored as the new pending one.
 *
 * <p>A pending suggestion is current while the active rules made it and it is younger than the
 * pending TTL; activity, portrait and content changes supersede it in the store. A bot's poll claims
 * what it gets, so the next poll decides anew, and the pacing rules then usually hold the group.
 */
public final class SuggestionService {
  private static final Logger LOG = LoggerFactory.getLogger(SuggestionService.class);
  /** How often one poll tries again when other pollers of the same group keep winning the race. */
  private static final int ATTEMPTS = 3;

  private final GroupStore groups;
  private final SuggestionStore suggestions;
  private final ChangeNotices notices;
  private final Decider decider;
  private final Clock clock;
  private final Duration pendingTtl;
  private final RememberedAnswers remembered;
  private final ContentGapStore gaps;
  private final SilenceStore silences;
  private final ExternalSendStore externalSends;

  /**
   * A pending suggestion serves for {@code pendingTtl}. Answers are remembered on this node until a
   * change notice says they no longer stand; they are forgotten before anyone who registers with
   * {@code notices} later is told, so that a woken poll never gets a stale answer.
   */
  public SuggestionService(GroupStore groups, SuggestionStore suggestions, ChangeNotices notices, Decider decider,
      Clock clock, Duration pendingTtl, ContentGapStore gaps, SilenceStore silences, ExternalSendStore externalSends) {
    this.groups = groups;
    this.suggestions = suggestions;
    this.notices = notices;
    this.decider = decider;
    this.clock = clock;
    this.pendingTtl = pendingTtl;
    this.remembered = new RememberedAnswers(notices);
    this.gaps = gaps;
    this.silences = silences;
    this.externalSends = externalSends;
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
    return attempt(groupId, claimFor, seen, ATTEMPTS);
  }

  private Future<SuggestionAnswer> attempt(String groupId, String claimFor, SeenSuggestions seen, int attemptsLeft) {
    if (attemptsLeft == 0) {
      // Other pollers of this group won every race; they were served, so this one may ask again shortly.
      return Future.succeededFuture(new SuggestionAnswer.Held(clock.instant().plusSeconds(1), List.of(), new JsonObject()));
    }
    Instant now = clock.instant();
    Optional<SuggestionAnswer> known = remembered.at(groupId, now);
    if (known.isPresent() && known.get() instanceof SuggestionAnswer.Held) {
      return Future.succeededFuture(known.get());
    }
    if (known.isPresent() && known.get() instanceof SuggestionAnswer.Suggested pending
        && isCurrent(pending.suggestion(), now)) {
      return claimFor == null || seen.holds(pending.suggestion().id()) ? Future.succeededFuture(pending)
          : claim(pending, claimFor, seen, attemptsLeft);
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
      return groups.find(groupId, now).compose(found -> {
        Group group = found.orElseThrow(() -> new GroupNotFound(groupId));
        return decideAndStore(group, stale, claimFor, seen, now, mark)
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
   * A decision that looked for content says what the group waits on; a held one looked for nothing
   * and leaves it as it was. A gap that cannot be written costs the answer nothing.
   */
  private Future<Decision> recordGaps(String groupId, Decision decision, Instant now) {
    if (decision.isHeld()) {
      return Future.succeededFuture(decision);
    }
    return gaps.record(groupId, decision.gaps(), now)
        .recover(e -> {
          LOG.warn("cannot record the content gaps of group {}", groupId, e);
          return Future.succeededFuture();
        })
        .map(decision);
  }

  /**
   * Keeps a decision that sent nothing, so an operator can see later why the group was silent. Only
   * decisions are recorded: polls answered from a remembered hold decide nothing and write nothing.
   * A silence that cannot be written costs the answer nothing.
   */
  private Future<Void> recordSilence(String groupId, Silence silence, Instant now) {
    return silences.record(groupId, silence, now).recover(e -> {
      LOG.warn("cannot record the silence of group {}", groupId, e);
      return Future.succeededFuture();
    });
  }

  /** Decides anew; empty when the group moved on while deciding (another poller was served). */
  private Future<Optional<SuggestionAnswer>> decideAndStore(Group group, String stale, String claimFor,
      SeenSuggestions seen, Instant now, long heldMark) {
    String groupId = group.getId();
    // The mark is read before the history: a delivery that lands between the two reads then makes the
    // store refuse this decision, instead of letting it pass on a history that misses the delivery.
    Future<Optional<Instant>> mark = suggestions.lastDeliveredAt(groupId);
    Future<List<PastSuggestion>> history = mark.compose(read -> suggestions.history(groupId, now.minus(History.WINDOW), now));
    // Quotas reach back to the start of the month, or of a week that began in the month before.
    Future<ExternalSends> external = history.compose(read -> externalSends.since(groupId,
        now.atZone(group.getPortrait().getTimezone()).toLocalDate().withDayOfMonth(1).minusDays(7)));
    Future<Decided> decided = external.compose(read -> decider.decide(group, history.result(), external.result(), now));
    return decided
        .compose(made -> recordGaps(groupId, made.decision(), now))
        .compose(decision -> {
          JsonObject explanation = DecisionJson.explanation(decision, group);
          decided.result().enrolment().ifPresent(enrolment -> explanation.put("experiment", new JsonObject()
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
            Future<Void> cleared = recordSilence(groupId, silence, now)
                .compose(recorded -> stale == null ? Future.succeededFuture()
                    : suggestions.supersede(stale, "expired or made by earlier rules"));
            return cleared.map(done -> Optional.of(answer));
          }
          Suggestion suggestion = new Suggestion(UUID.randomUUID().toString(), groupId, decision.winner().get(),
              decision.score(), decision.reasons(), decision.ruleSetVersion(), now);
          // A poller that holds whatever is current (If-None-Match: *) is not sent this one, so it stays pending.
          String claimant = seen.holds(suggestion.id()) ? null : claimFor;
          return suggestions.save(suggestion, explanation, mark.result(), stale, claimant)
              .compose(saved -> {
                if (saved.isPresent() && claimant == null) {
                  // A new pending suggestion: bots waiting on this group, here or elsewhere, may take it.
                  return notices.announce(groupId).map(saved);
                }
                return Future.succeededFuture(saved);
              })
              .map(saved -> saved.map(s -> (SuggestionAnswer) new SuggestionAnswer.Suggested(s, explanation)));
        });
  }

}

package community.recommender.engine.decision;

import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.History;
import community.recommender.engine.model.Hold;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Note;
import community.recommender.engine.model.Now;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.ScoreAdjustment;
import community.recommender.engine.model.Veto;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleSet;
import community.recommender.engine.rules.RuleStage;
import community.recommender.engine.rules.RuleWatch;
import community.recommender.engine.rules.RunawayRulesException;
import community.recommender.engine.rules.StageResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Decides what a group should get next, in two rule stages around a retrieval.
 *
 * <ol>
 *   <li>The "needs" rules read the group, its history and the clock, and insert {@link Need}s,
 *       or {@link Hold}s that keep the group waiting.
 *   <li>The catalog retrieves candidates for each need.
 *   <li>The "candidates" rules veto and score the candidates.
 *   <li>The best remaining candidate wins: its need's urgency plus its adjustments.
 * </ol>
 *
 * <p>It blocks while rules fire and the catalog searches, so callers run it off any event loop.
 */
public final class DecisionPipeline {
  private static final int CANDIDATES_PER_NEED = 20;
  private static final Comparator<String> RULE_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

  private final RuleBook ruleBook;
  private final ContentCatalog catalog;
  private final RuleLimits limits;

  public DecisionPipeline(RuleBook ruleBook, ContentCatalog catalog) {
    this(ruleBook, catalog, RuleLimits.DEFAULT);
  }

  public DecisionPipeline(RuleBook ruleBook, ContentCatalog catalog, RuleLimits limits) {
    this.ruleBook = ruleBook;
    this.catalog = catalog;
    this.limits = limits;
  }

  /** Decides for a group with no history, with the active rule set. */
  public Decision decide(Group group, Instant now) {
    return decide(group, List.of(), now, ruleBook.active());
  }

  /** Decides for {@code group}, given its {@code past} suggestions, with the active rule set. */
  public Decision decide(Group group, List<PastSuggestion> past, Instant now) {
    return decide(group, past, now, ruleBook.active());
  }

  /**
   * Decides with an explicit rule set, such as a proposed one being simulated.
   *
   * <p>The rules run on the rule book's own threads: past the time budget the caller gets a
   * {@link RunawayRulesException} naming the rule, even if that rule's consequence never returns.
   */
  public Decision decide(Group group, List<PastSuggestion> past, Instant now, RuleSet rules) {
    RuleWatch watch = new RuleWatch(System.nanoTime() + limits.timeBudget().toNanos());
    try {
      return ruleBook.runner().run(() -> decideNow(group, past, now, rules, watch), limits.timeBudget(),
          () -> "a decision for group " + group.getId() + " in rule '" + watch.lastRule() + "'",
          () -> new RunawayRulesException(watch.lastRule(), "the decision for group " + group.getId() + " ran past its "
              + limits.timeBudget().toMillis() + " ms budget inside rule '" + watch.lastRule() + "'"));
    } catch (RuntimeException e) {
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while deciding for group " + group.getId(), e);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private Decision decideNow(Group group, List<PastSuggestion> past, Instant now, RuleSet rules, RuleWatch watch) {
    Now clock = new Now(now, group.getPortrait().getTimezone());
    History history = new History(past, now, group.getPortrait().getTimezone());
    List<Object> facts = new ArrayList<>();
    facts.add(group);
    facts.add(clock);
    facts.add(history);
    facts.addAll(past);

    StageResult needStage = RuleStage.NEEDS.run(rules.rules().kieBase(), facts, limits, watch);
    List<Need> needs = byUrgency(needStage.only(Need.class));
    List<Hold> holds = needStage.only(Hold.class);
    if (!holds.isEmpty()) {
      return held(holds, needs, needStage, rules.version());
    }
    List<Candidate> candidates = retrieve(group, needs, now);
    facts.addAll(needs);
    facts.addAll(candidates);
    StageResult candidateStage = RuleStage.CANDIDATES.run(rules.rules().kieBase(), facts, limits, watch);

    List<Note> notes = new ArrayList<>(needStage.only(Note.class));
    notes.addAll(candidateStage.only(Note.class));
    TreeSet<String> fired = new TreeSet<>(needStage.firedRules());
    fired.addAll(candidateStage.firedRules());
    return arbitrate(candidates, candidateStage.only(Veto.class), candidateStage.only(ScoreAdjustment.class), notes,
        needs, List.copyOf(fired), rules.version());
  }

  private static Decision held(List<Hold> holds, List<Need> needs, StageResult stage, long version) {
    Instant until = holds.stream().map(Hold::getUntil).max(Comparator.naturalOrder()).orElseThrow();
    List<Reason> reasons = holds.stream()
        .sorted(Comparator.comparing(Hold::getRule, RULE_ORDER))
        .map(h -> new Reason(h.getRule(), h.getReason()))
        .toList();
    return new Decision(Optional.empty(), 0, reasons, Optional.of(until), needs, List.of(), stage.firedRules(),
        version);
  }

  private List<Candidate> retrieve(Group group, List<Need> needs, Instant now) {
    // An item found for several needs answers the most urgent one; needs are sorted by urgency.
    Map<String, Candidate> byContent = new LinkedHashMap<>();
    for (Need need : needs) {
      CandidateQuery query = new CandidateQuery(
          need.getKind(),
          need.getTags(),
          group.getPortrait().getInterests(),
          group.getPortrait().getRegion(),
          group.getPortrait().getLanguage(),
          now,
          CANDIDATES_PER_NEED);
      for (ContentMatch match : catalog.find(query)) {
        byContent.putIfAbsent(match.item().getId(), new Candidate(match.item(), need, match.relevance()));
      }
    }
    return List.copyOf(byContent.values());
  }

  private static Decision arbitrate(List<Candidate> candidates, List<Veto> vetoes, List<ScoreAdjustment> adjustments,
      List<Note> notes, List<Need> needs, List<String> fired, long version) {
    List<DroppedCandidate> dropped = new ArrayList<>();
    Candidate best = null;
    int bestScore = Integer.MIN_VALUE;
    for (Candidate candidate : candidates) {
      List<Reason> vetoReasons = vetoes.stream()
          .filter(v -> v.getCandidate() == candidate)
          .map(v -> new Reason(v.getRule(), v.getReason()))
          .sorted(Comparator.comparing(Reason::rule, RULE_ORDER))
          .toList();
      if (!vetoReasons.isEmpty()) {
        dropped.add(new DroppedCandidate(candidate.getContent(), vetoReasons));
        continue;
      }
      int score = scoreOf(candidate, adjustments);
      if (best == null || beats(candidate, score, best, bestScore)) {
        best = candidate;
        bestScore = score;
      }
    }
    if (best == null) {
      return new Decision(Optional.empty(), 0, reasonsOf(notes), Optional.empty(), needs, dropped, fired, version);
    }
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason(best.getNeed().getRule(), best.getNeed().getReason()));
    Candidate winner = best;
    adjustments.stream()
        .filter(a -> a.getCandidate() == winner)
        .sorted(Comparator.comparing(ScoreAdjustment::getRule, RULE_ORDER))
        .map(a -> new Reason(a.getRule(), a.getReason() + " (" + signed(a.getAmount()) + ")"))
        .forEach(reasons::add);
    reasons.addAll(reasonsOf(notes));
    return new Decision(Optional.of(best.getContent()), bestScore, reasons, Optional.empty(), needs, dropped, fired,
        version);
  }

  private static int scoreOf(Candidate candidate, List<ScoreAdjustment> adjustments) {
    int score = candidate.getNeed().getUrgency();
    for (ScoreAdjustment adjustment : adjustments) {
      if (adjustment.getCandidate() == candidate) {
        score += adjustment.getAmount();
      }
    }
    return score;
  }

  /** Higher score wins; then better text relevance; then the smaller id, so ties are stable. */
  private static boolean beats(Candidate a, int scoreA, Candidate b, int scoreB) {
    if (scoreA != scoreB) {
      return scoreA > scoreB;
    }
    if (a.getRelevance() != b.getRelevance()) {
      return a.getRelevance() > b.getRelevance();
    }
    return a.getId().compareTo(b.getId()) < 0;
  }

  private static List<Reason> reasonsOf(List<Note> notes) {
    return notes.stream()
        .map(n -> new Reason(n.getRule(), n.getMessage()))
        .sorted(Comparator.comparing(Reason::rule, RULE_ORDER).thenComparing(Reason::message))
        .toList();
  }

  private static String signed(int amount) {
    return amount >= 0 ? "+" + amount : String.valueOf(amount);
  }

  private static List<Need> byUrgency(List<Need> needs) {
    return needs.stream()
        .sorted(Comparator.comparingInt(Need::getUrgency).reversed()
            .thenComparing(Need::getRule, RULE_ORDER)
            .thenComparing(n -> n.getKind().name())
            .thenComparing(n -> String.join(",", n.getTags())))
        .toList();
  }
}

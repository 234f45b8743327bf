package community.recommender.engine.decision;

import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Note;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.RuleOutcome;
import community.recommender.engine.model.ScoreAdjustment;
import community.recommender.engine.model.Veto;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleSet;
import community.recommender.engine.rules.RuleStage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what a group should get next, in two rule stages around a retrieval.
 *
 * <ol>
 *   <li>The "needs" rules read the group and insert {@link Need}s.
 *   <li>The catalog retrieves candidates for each need.
 *   <li>The "candidates" rules veto and score the candidates.
 *   <li>The best remaining candidate wins: its need's urgency plus its adjustments.
 * </ol>
 *
 * <p>It blocks while rules fire and the catalog searches, so callers run it off any event loop.
 */
public final class DecisionPipeline {
  private static final int CANDIDATES_PER_NEED = 20;

  private final RuleBook ruleBook;
  private final ContentCatalog catalog;

  public DecisionPipeline(RuleBook ruleBook, ContentCatalog catalog) {
    this.ruleBook = ruleBook;
    this.catalog = catalog;
  }

  /** Decides for {@code group} at {@code now} with the active rule set. */
  public Decision decide(Group group, Instant now) {
    RuleSet rules = ruleBook.active();
    List<RuleOutcome> needOutcomes = RuleStage.NEEDS.run(rules.rules().kieBase(), List.of(group));
    List<Need> needs = sorted(only(needOutcomes, Need.class));
    List<Candidate> candidates = retrieve(group, needs, now);

    List<Object> facts = new ArrayList<>();
    facts.add(group);
    facts.addAll(needs);
    facts.addAll(candidates);
    List<RuleOutcome> candidateOutcomes = RuleStage.CANDIDATES.run(rules.rules().kieBase(), facts);

    List<Note> notes = new ArrayList<>(only(needOutcomes, Note.class));
    notes.addAll(only(candidateOutcomes, Note.class));
    return arbitrate(
        candidates,
        only(candidateOutcomes, Veto.class),
        only(candidateOutcomes, ScoreAdjustment.class),
        notes,
        rules.version());
  }

  private List<Candidate> retrieve(Group group, List<Need> needs, Instant now) {
    // An item found for several needs answers the most urgent one; needs are sorted by urgency.
    Map<String, Candidate> byContent = new LinkedHashMap<>();
    for (Need need : needs) {
      CandidateQuery query =
          new CandidateQuery(
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

  private static Decision arbitrate(
      List<Candidate> candidates,
      List<Veto> vetoes,
      List<ScoreAdjustment> adjustments,
      List<Note> notes,
      long version) {
    List<DroppedCandidate> dropped = new ArrayList<>();
    Candidate best = null;
    int bestScore = Integer.MIN_VALUE;
    for (Candidate candidate : candidates) {
      List<Reason> vetoReasons =
          vetoes.stream()
              .filter(v -> v.getCandidate() == candidate)
              .map(v -> new Reason(v.getRule(), v.getReason()))
              .sorted(Comparator.comparing(Reason::rule, Comparator.nullsLast(Comparator.naturalOrder())))
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
      return new Decision(Optional.empty(), 0, reasonsOf(notes), dropped, version);
    }
    List<Reason> reasons = new ArrayList<>();
    reasons.add(new Reason(best.getNeed().getRule(), best.getNeed().getReason()));
    Candidate winner = best;
    adjustments.stream()
        .filter(a -> a.getCandidate() == winner)
        .sorted(Comparator.comparing(ScoreAdjustment::getRule, Comparator.nullsLast(Comparator.naturalOrder())))
        .map(a -> new Reason(a.getRule(), a.getReason() + " (" + signed(a.getAmount()) + ")"))
        .forEach(reasons::add);
    reasons.addAll(reasonsOf(notes));
    Optional<ContentItem> content = Optional.of(best.getContent());
    return new Decision(content, bestScore, reasons, dropped, version);
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
        .sorted(Comparator.comparing(Reason::rule, Comparator.nullsLast(Comparator.naturalOrder())).thenComparing(Reason::message))
        .toList();
  }

  private static String signed(int amount) {
    return amount >= 0 ? "+" + amount : String.valueOf(amount);
  }

  private static List<Need> sorted(List<Need> needs) {
    return needs.stream()
        .sorted(
            Comparator.comparingInt(Need::getUrgency)
                .reversed()
                .thenComparing(Need::getRule, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  private static <T> List<T> only(List<RuleOutcome> outcomes, Class<T> type) {
    return outcomes.stream().filter(type::isInstance).map(type::cast).toList();
  }
}

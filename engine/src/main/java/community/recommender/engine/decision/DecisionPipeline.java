package community.recommender.engine.decision;

import community.recommender.engine.learning.Draw;
import community.recommender.engine.learning.EngagementModel;
import community.recommender.engine.learning.LearningChoice;
import community.recommender.engine.learning.LearningMode;
import community.recommender.engine.learning.LearningPolicy;
import community.recommender.engine.learning.Posterior;
import community.recommender.engine.learning.Segment;
import community.recommender.engine.learning.ThompsonSampling;
import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.ExternalSends;
import community.recommender.engine.model.History;
import community.recommender.engine.model.SendQuota;
import community.recommender.engine.model.RateLimit;
import community.recommender.engine.model.Hold;
import community.recommender.engine.model.Need;
import community.recommender.engine.model.Note;
import community.recommender.engine.model.Now;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.PlaybookSettings;
import community.recommender.engine.model.Reason;
import community.recommender.engine.model.ScoreAdjustment;
import community.recommender.engine.model.Veto;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleSession;
import community.recommender.engine.rules.RuleSet;
import community.recommender.engine.rules.RuleStage;
import community.recommender.engine.rules.RuleWatch;
import community.recommender.engine.rules.RunawayRulesException;
import community.recommender.engine.rules.StageResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/**
 * Decides what a group should get next, in rule stages around a retrieval.
 *
 * <ol>
 *   <li>The "settings" rule states the playbook's {@link PlaybookSettings}; the group's own
 *       attributes adjust them.
 *   <li>The "needs" rules read the group, its history, the clock and the settings, and insert
 *       {@link Need}s, or {@link Hold}s that keep the group waiting.
 *   <li>The catalog retrieves candidates for each need, all needs in one request, so that it can answer
 *       all the needs with one search ({@link ContentCatalog#findEach}).
 *   <li>The "candidates" rules veto and score the candidates.
 *   <li>The best remaining candidate wins: its need's urgency plus its adjustments. With learning
 *       on (the setting {@code learning}), the candidates answering the same need as that best one
 *       get a bonus drawn from their engagement posteriors ({@link ThompsonSampling}), and the best
 *       total wins: learning chooses the item, never the need. In shadow mode the rules' choice
 *       stands and learning's is recorded beside it.
 * </ol>
 *
 * <p>When no candidate survives, the decision falls back in steps, so that a group no hold applies
 * to is never left without a suggestion while the library holds anything it may receive:
 *
 * <ol>
 *   <li><b>wider tags</b>: each kind the rules asked for, with any tag;
 *   <li><b>other kinds</b>: the kinds no rule asked for, with any tag;
 *   <li><b>relaxed variety</b>: the best candidate that only a soft (variety) veto dropped.
 * </ol>
 *
 * Every step runs the same "candidates" rules, so no fallback passes a goodwill, pacing, region,
 * language or interest veto. Within a step, while the rules drop every candidate read so far, the
 * next page of candidates is read, so that many equally ranked items the group got recently (or that
 * rules drop for any other reason) cannot hide one it may receive. When even that finds nothing, the decision is empty and says when to
 * ask again ({@link PlaybookSettings#getRetryWhenEmptyMinutes()}).
 *
 * <p>The stages of one decision run in one {@link RuleSession}, which takes the group's facts once; its
 * Drools session comes from the rule set's {@link community.recommender.engine.rules.SessionPool} and goes
 * back to it, reset, for the next decision. The reasons of a suggestion and the candidates dropped are
 * worked out when first read, so a decision nobody explains costs no explanation.
 *
 * <p>It blocks while rules fire and the catalog searches, so callers run it off any event loop.
 */
public final class DecisionPipeline {
  /** The rule name that explanations give the wider-tags fallback. */
  public static final String WIDER_TAGS = "Fallback: the same kind with any tag";
  /** The rule name that explanations give the other-kinds fallback. */
  public static final String OTHER_KINDS = "Fallback: another kind of content";
  /** The rule name that explanations give the relaxed-variety fallback. */
  public static final String RELAXED_VARIETY = "Fallback: variety gives way rather than silence";

  /** The rule name that explanations give learning's bonus. */
  public static final String LEARNING = "Learning: the item members of this segment engaged with most";

  private static final int CANDIDATES_PER_NEED = 20;
  private static final int CANDIDATES_PER_FALLBACK = 60;
  /**
   * How many candidates one step reads per need at most, page after page, while rules drop all it
   * read so far: enough to see past a library's worth of equally ranked items the group got recently,
   * and a bound on what one decision may cost.
   */
  static final int CANDIDATES_READ_PER_NEED = 1_000;
  private static final Comparator<String> RULE_ORDER = Comparator.nullsLast(Comparator.naturalOrder());

  private final RuleBook ruleBook;
  private final ContentCatalog catalog;
  private final RuleLimits limits;
  private final Supplier<EngagementModel> engagement;
  /** By rule base, which compares by identity: a set's sources are long to hash on every decision. */
  private final Map<KieBase, PlaybookSettings> settingsByRules = Collections.synchronizedMap(new WeakHashMap<>());
  /** The settings of the rule set decided with last, read without a lock: almost every decision uses it. */
  private volatile SettingsOf lastSettings;

  public DecisionPipeline(RuleBook ruleBook, ContentCatalog catalog) {
    this(ruleBook, catalog, RuleLimits.DEFAULT);
  }

  public DecisionPipeline(RuleBook ruleBook, ContentCatalog catalog, RuleLimits limits) {
    this(ruleBook, catalog, limits, () -> EngagementModel.EMPTY);
  }

  /**
   * A pipeline that reads engagement from {@code engagement}: a snapshot taken once per decision, so
   * it must answer at once (an in-memory model refreshed elsewhere, never a database query).
   */
  public DecisionPipeline(RuleBook ruleBook, ContentCatalog catalog, RuleLimits limits,
      Supplier<EngagementModel> engagement) {
    this.ruleBook = ruleBook;
    this.catalog = catalog;
    this.limits = limits;
    this.engagement = engagement;
  }

  /** The learning policy {@code settings} state. */
  public static LearningPolicy policyOf(PlaybookSettings settings) {
    return new LearningPolicy(LearningMode.named(settings.getLearning()), settings.getLearningBonus(),
        settings.getMaturityPosts(), settings.getNewItemTrialShare(), settings.getOfferExplorationShare());
  }

  /** The rule book whose active set decides by default. */
  public RuleBook ruleBook() {
    return ruleBook;
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
   * Decides for {@code group}, given its {@code past} suggestions and the messages others sent it
   * ({@code external}, which its quotas count), with the active rule set.
   */
  public Decision decide(Group group, List<PastSuggestion> past, ExternalSends external, Instant now) {
    return decide(group, past, external, now, ruleBook.active());
  }

  /**
   * The settings {@code rules} state (stage "settings"), or the documented defaults when no rule
   * states any. They read no facts, so they are worked out once per rule set.
   */
  public PlaybookSettings settingsOf(RuleSet rules) {
    KieBase rulesBase = rules.rules().kieBase();
    SettingsOf last = lastSettings;
    if (last != null && last.kieBase() == rulesBase) {
      return last.settings();
    }
    PlaybookSettings settings = settingsByRules.computeIfAbsent(rulesBase, kieBase -> {
      List<PlaybookSettings> stated = RuleStage.SETTINGS.run(kieBase, List.of(), limits)
          .only(PlaybookSettings.class);
      return stated.isEmpty() ? PlaybookSettings.defaults() : stated.get(stated.size() - 1);
    });
    lastSettings = new SettingsOf(rulesBase, settings);
    return settings;
  }

  /** The settings one rule base states. */
  private record SettingsOf(KieBase kieBase, PlaybookSettings settings) {}

  /**
   * Decides with an explicit rule set, such as a proposed one being simulated.
   *
   * <p>The rules run on the rule book's own threads: past the time budget the caller gets a
   * {@link RunawayRulesException} naming the rule, even if that rule's consequence never returns.
   */
  public Decision decide(Group group, List<PastSuggestion> past, Instant now, RuleSet rules) {
    return decide(group, past, ExternalSends.NONE, now, rules);
  }

  /** As {@link #decide(Group, List, Instant, RuleSet)}, counting {@code external} sends against the group's quotas. */
  public Decision decide(Group group, List<PastSuggestion> past, ExternalSends external, Instant now, RuleSet rules) {
    RuleWatch watch = new RuleWatch(System.nanoTime() + limits.timeBudget().toNanos());
    try {
      return ruleBook.runner().run(() -> decideNow(group, past, external, now, rules, watch), limits.timeBudget(),
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

  private Decision decideNow(Group group, List<PastSuggestion> past, ExternalSends external, Instant now,
      RuleSet rules, RuleWatch watch) {
    PlaybookSettings settings = settingsOf(rules).forGroup(group);
    Now clock = new Now(now, group.getPortrait().getTimezone());
    History history = new History(past, external, SendQuota.of(group.getPortrait(), now), now,
        group.getPortrait().getTimezone());
    List<Object> facts = new ArrayList<>();
    facts.add(group);
    facts.add(clock);
    facts.add(history);
    facts.add(settings);
    RateLimit.of(group.getPortrait()).ifPresent(facts::add);
    facts.addAll(past);

    try (RuleSession session = new RuleSession(rules.rules().sessions(), facts, limits, watch)) {
      return decideIn(session, group, now, rules, settings);
    }
  }

  /** The stages of one decision, in one rule session holding the group's facts. */
  private Decision decideIn(RuleSession session, Group group, Instant now, RuleSet rules, PlaybookSettings settings) {
    StageResult needStage = session.run(RuleStage.NEEDS, List.of());
    List<Need> needs = byUrgency(needStage.only(Need.class));
    List<Hold> holds = needStage.only(Hold.class);
    if (!holds.isEmpty()) {
      return held(holds, needs, needStage, rules.version(), settings);
    }

    Attempt attempt = new Attempt(group, now, session, rules, needStage, policyOf(settings), engagement.get());
    List<Need> tried = new ArrayList<>(needs);
    Optional<Decision> found = attempt.tier(needs, CANDIDATES_PER_NEED, true);
    if (found.isPresent()) {
      return found.get();
    }
    for (List<Need> fallback : List.of(widerTags(needs), otherKinds(needs, settings))) {
      if (fallback.isEmpty()) {
        continue;
      }
      tried.addAll(fallback);
      attempt.needsTried = tried;
      found = attempt.tier(fallback, CANDIDATES_PER_FALLBACK, false);
      if (found.isPresent()) {
        return found.get();
      }
    }
    attempt.needsTried = tried;
    return attempt.relaxedOrEmpty(settings);
  }

  /** The kinds the rules asked for with tags, now with any tag, a little less urgent. */
  private static List<Need> widerTags(List<Need> needs) {
    Map<ContentKind, Need> byKind = new LinkedHashMap<>();
    for (Need need : needs) {
      if (!need.getTags().isEmpty() && !byKind.containsKey(need.getKind())) {
        Need wider = Need.of(need.getKind()).urgency(need.getUrgency() - 10)
            .because("Nothing tagged " + need.getTags() + " may be sent: any " + need.getKind() + " will do");
        wider.attributeTo(WIDER_TAGS);
        byKind.put(need.getKind(), wider);
      }
    }
    // A kind some rule already asked for with any tag was searched in full at the first step.
    needs.stream().filter(n -> n.getTags().isEmpty()).forEach(n -> byKind.remove(n.getKind()));
    return List.copyOf(byKind.values());
  }

  /** The kinds no rule asked for, with any tag. */
  private static List<Need> otherKinds(List<Need> needs, PlaybookSettings settings) {
    Set<ContentKind> asked = new LinkedHashSet<>();
    needs.forEach(n -> asked.add(n.getKind()));
    List<Need> other = new ArrayList<>();
    for (ContentKind kind : List.of(ContentKind.POST, ContentKind.ACTIVITY, ContentKind.OFFER)) {
      if (!asked.contains(kind)) {
        Need need = Need.of(kind).urgency(settings.urgency("fallback"))
            .because("Nothing the rules asked for may be sent: any " + kind + " keeps the group going");
        need.attributeTo(OTHER_KINDS);
        other.add(need);
      }
    }
    return other;
  }

  /** One decision's candidate steps, remembering what each step dropped and what only variety dropped. */
  private final class Attempt {
    private final RuleSession session;
    private final Group group;
    private final Instant now;
    private final RuleSet rules;
    private final TreeSet<String> fired;
    private final List<Note> notes;
    private final List<Vetoed> dropped = new ArrayList<>();
    private final List<ContentGap> gaps = new ArrayList<>();
    private final Set<String> seen = new LinkedHashSet<>();
    private List<Need> needsTried;
    private Candidate bestSoft;
    private int bestSoftScore;
    private List<ScoreAdjustment> bestSoftAdjustments = List.of();
    private List<Veto> bestSoftVetoes = List.of();
    private final LearningPolicy policy;
    private final EngagementModel model;
    private final Segment segment;
    /** Each candidate's posterior, looked up once when it is retrieved. */
    private final Map<String, Posterior> posteriors = new java.util.HashMap<>();

    Attempt(Group group, Instant now, RuleSession session, RuleSet rules, StageResult needStage,
        LearningPolicy policy, EngagementModel model) {
      this.policy = policy;
      this.model = model;
      this.segment = Segment.of(group);
      this.session = session;
      this.group = group;
      this.now = now;
      this.rules = rules;
      this.fired = new TreeSet<>(needStage.firedRules());
      this.notes = new ArrayList<>(needStage.only(Note.class));
      this.needsTried = byUrgency(needStage.only(Need.class));
    }

    /**
     * Tries {@code needs}: reads a page of candidates for each, lets the "candidates" rules judge
     * them, and reads further pages (each twice as long) while every candidate so far was dropped and
     * some need may have more, up to {@code CANDIDATES_READ_PER_NEED} per need.
     */
    Optional<Decision> tier(List<Need> needs, int pageSize, boolean findGaps) {
      Map<Need, List<String>> foundFor = new LinkedHashMap<>();
      Map<String, List<Veto>> vetoesById = new LinkedHashMap<>();
      List<ScoreAdjustment> adjustments = new ArrayList<>();
      Map<Need, CandidateQuery> pages = new LinkedHashMap<>();
      for (Need need : needs) {
        pages.put(need, new CandidateQuery(need.getKind(), need.getTags(), group.getPortrait().getInterests(),
            group.getPortrait().getRegion(), group.getPortrait().getLanguage(), group.getPortrait().getPlatform(), now,
            pageSize));
        foundFor.put(need, new ArrayList<>());
      }
      Candidate best = null;
      int bestScore = Integer.MIN_VALUE;
      List<ThompsonSampling.Contender> allowed = new ArrayList<>();
      while (best == null && !pages.isEmpty()) {
        List<Candidate> candidates = retrieve(pages, foundFor);
        if (candidates.isEmpty()) {
          continue;
        }
        List<Object> stageFacts = new ArrayList<>(needs.size() + candidates.size());
        stageFacts.addAll(needs);
        stageFacts.addAll(candidates);
        StageResult stage = session.run(RuleStage.CANDIDATES, stageFacts);
        fired.addAll(stage.firedRules());
        notes.addAll(stage.only(Note.class));
        Map<Candidate, List<Veto>> vetoes = new IdentityHashMap<>();
        for (Veto veto : stage.only(Veto.class)) {
          vetoes.computeIfAbsent(veto.getCandidate(), c -> new ArrayList<>()).add(veto);
        }
        List<ScoreAdjustment> pageAdjustments = stage.only(ScoreAdjustment.class);
        adjustments.addAll(pageAdjustments);
        Map<Candidate, Integer> adjusted = new IdentityHashMap<>();
        for (ScoreAdjustment adjustment : pageAdjustments) {
          adjusted.merge(adjustment.getCandidate(), adjustment.getAmount(), Integer::sum);
        }

        for (Candidate candidate : candidates) {
          List<Veto> own = vetoes.getOrDefault(candidate, List.of());
          vetoesById.put(candidate.getId(), own);
          int score = candidate.getNeed().getUrgency() + adjusted.getOrDefault(candidate, 0);
          if (!own.isEmpty()) {
            dropped.add(new Vetoed(candidate, own));
            if (own.stream().allMatch(Veto::isSoft) && (bestSoft == null || beats(candidate, score, bestSoft, bestSoftScore))) {
              bestSoft = candidate;
              bestSoftScore = score;
              bestSoftAdjustments = pageAdjustments;
              bestSoftVetoes = own;
            }
            continue;
          }
          allowed.add(new ThompsonSampling.Contender(candidate, score));
          if (best == null || beats(candidate, score, best, bestScore)) {
            best = candidate;
            bestScore = score;
          }
        }
      }
      if (findGaps) {
        reportGaps(foundFor, vetoesById);
      }
      if (best == null) {
        return Optional.empty();
      }
      if (policy.mode() == LearningMode.OFF) {
        return Optional.of(won(best, bestScore, adjustments, List.of(), Optional.empty()));
      }
      Need answered = best.getNeed();
      // A candidate that could not overtake the rules' best even with the full bonus is not drawn for.
      int reachable = bestScore - policy.maxBonus();
      List<ThompsonSampling.Contender> sameNeed = allowed.stream()
          .filter(c -> c.candidate().getNeed() == answered && c.ruleScore() >= reachable)
          .toList();
      long seed = ThompsonSampling.seedOf(group.getId(), now, rules.version());
      List<Draw> draws = new ThompsonSampling(policy).rank(sameNeed,
          c -> posteriors.computeIfAbsent(c.getId(), id -> model.posterior(c.getContent(), segment)), seed);
      String rulesChoice = best.getId();
      double rulesMean = draws.stream().filter(d -> d.contentId().equals(rulesChoice)).findFirst().orElseThrow()
          .posterior().mean();
      LearningChoice choice = new LearningChoice(policy.mode(), seed, segment,
          draws.subList(0, Math.min(ThompsonSampling.SHOWN, draws.size())), rulesChoice, draws.get(0).contentId(),
          rulesMean);
      if (policy.mode() == LearningMode.SHADOW) {
        return Optional.of(won(best, bestScore, adjustments, List.of(), Optional.of(choice)));
      }
      Draw top = choice.best();
      Candidate chosen = sameNeed.stream().map(ThompsonSampling.Contender::candidate)
          .filter(c -> c.getId().equals(top.contentId())).findFirst().orElseThrow();
      Reason why = new Reason(LEARNING, learningReason(top, choice) + " (+" + top.bonus() + ")");
      return Optional.of(won(chosen, top.total(), adjustments, List.of(why), Optional.of(choice)));
    }

    private String learningReason(Draw top, LearningChoice choice) {
      Posterior posterior = top.posterior();
      StringBuilder why = new StringBuilder("Engagement ").append(thousandths(posterior.mean()))
          .append(" per active member (");
      if (posterior.posts() == 0) {
        why.append("no posts in ").append(segment).append(" yet, estimated from ")
            .append(posterior.basis().name().toLowerCase(java.util.Locale.ROOT));
      } else {
        why.append(posterior.posts()).append(" posts in ").append(segment);
      }
      if (top.explored()) {
        why.append(", drew ").append(thousandths(top.value()));
      }
      why.append(')');
      if (!choice.agreed()) {
        why.append("; the rules alone would have chosen ").append(choice.rulesChoice());
      }
      return why.toString();
    }

    /**
     * Reads the current page of each need in {@code pages} (in one request to the catalog), and leaves in
     * it the next page of each
     * need whose page was full and that has read less than its share; an item found for several needs
     * answers the most urgent one (needs come sorted by urgency).
     */
    private List<Candidate> retrieve(Map<Need, CandidateQuery> pages, Map<Need, List<String>> foundFor) {
      Map<String, Candidate> byContent = new LinkedHashMap<>();
      Map<Need, CandidateQuery> next = new LinkedHashMap<>();
      List<Need> asked = List.copyOf(pages.keySet());
      List<List<ContentMatch>> found = catalog.findEach(List.copyOf(pages.values()));
      for (int i = 0; i < asked.size(); i++) {
        Need need = asked.get(i);
        CandidateQuery query = pages.get(need);
        List<ContentMatch> matches = found.get(i);
        for (ContentMatch match : matches) {
          String id = match.item().getId();
          foundFor.get(need).add(id);
          if (!seen.contains(id)) {
            byContent.computeIfAbsent(id, key -> {
              Posterior posterior = model.posterior(match.item(), segment);
              posteriors.put(key, posterior);
              return new Candidate(match.item(), need, match.relevance(), posterior.engagement());
            });
          }
        }
        int read = query.offset() + query.limit();
        if (matches.size() == query.limit() && read < CANDIDATES_READ_PER_NEED) {
          next.put(need, query.next(Math.min(2 * query.limit(), CANDIDATES_READ_PER_NEED - read)));
        }
      }
      pages.clear();
      pages.putAll(next);
      seen.addAll(byContent.keySet());
      return List.copyOf(byContent.values());
    }

    /** A need whose every item was unfit for the group (or that found none) is a gap in the library. */
    private void reportGaps(Map<Need, List<String>> foundFor, Map<String, List<Veto>> vetoesById) {
      Set<String> reported = new LinkedHashSet<>();
      foundFor.forEach((need, ids) -> {
        boolean allUnfit = ids.stream().allMatch(id -> vetoesById.getOrDefault(id, List.of()).stream()
            .anyMatch(Veto::isUnfit));
        String key = need.getKind() + " " + need.getTags();
        if (allUnfit && reported.add(key)) {
          gaps.add(new ContentGap(need.getKind(), need.getTags(), group.getPortrait().getInterests(),
              group.getPortrait().getLanguage(), group.getPortrait().getRegion(), need.getRule(), ids.size()));
        }
      });
    }

    private Decision won(Candidate winner, int score, List<ScoreAdjustment> adjustments, List<Reason> extra,
        Optional<LearningChoice> learning) {
      List<Note> noted = List.copyOf(notes);
      List<Reason> reasons = new OnFirstRead<>(() -> {
        List<Reason> why = new ArrayList<>();
        why.add(new Reason(winner.getNeed().getRule(), winner.getNeed().getReason()));
        why.addAll(extra);
        adjustments.stream()
            .filter(a -> a.getCandidate() == winner)
            .sorted(Comparator.comparing(ScoreAdjustment::getRule, RULE_ORDER))
            .map(a -> new Reason(a.getRule(), a.getReason() + " (" + signed(a.getAmount()) + ")"))
            .forEach(why::add);
        why.addAll(reasonsOf(noted));
        return why;
      });
      return new Decision(Optional.of(winner.getContent()), score, reasons, Optional.empty(), needsTried,
          droppedSoFar(), List.copyOf(fired), rules.version(), Optional.empty(), gaps, Map.of(), learning);
    }

    /** The candidates dropped so far, explained when first read. */
    private List<DroppedCandidate> droppedSoFar() {
      List<Vetoed> vetoed = List.copyOf(dropped);
      return new OnFirstRead<>(() -> vetoed.stream().map(Vetoed::explained).toList());
    }

    Decision relaxedOrEmpty(PlaybookSettings settings) {
      if (bestSoft != null) {
        String relaxed = bestSoftVetoes.stream().map(Veto::getRule).sorted(RULE_ORDER).map(r -> "'" + r + "'").distinct()
            .reduce((a, b) -> a + ", " + b).orElse("");
        Candidate winner = bestSoft;
        dropped.removeIf(d -> d.candidate().getContent() == winner.getContent());
        return won(winner, bestSoftScore, bestSoftAdjustments, List.of(new Reason(RELAXED_VARIETY,
            "Nothing else may be sent now, so " + relaxed + " gives way rather than leave the group silent")),
            Optional.empty());
      }
      Instant retry = now.plus(Duration.ofMinutes(settings.getRetryWhenEmptyMinutes()));
      return new Decision(Optional.empty(), 0, reasonsOf(notes), Optional.empty(), needsTried, droppedSoFar(),
          List.copyOf(fired), rules.version(), Optional.of(retry), gaps, settings.describe(), Optional.empty());
    }
  }

  /** A candidate the rules vetoed, with its vetoes. */
  private record Vetoed(Candidate candidate, List<Veto> vetoes) {
    DroppedCandidate explained() {
      return new DroppedCandidate(candidate.getContent(), vetoes.stream().map(v -> new Reason(v.getRule(), v.getReason()))
          .sorted(Comparator.comparing(Reason::rule, RULE_ORDER)).toList());
    }
  }

  private static Decision held(List<Hold> holds, List<Need> needs, StageResult stage, long version,
      PlaybookSettings settings) {
    Instant until = holds.stream().map(Hold::getUntil).max(Comparator.naturalOrder()).orElseThrow();
    List<Reason> reasons = holds.stream()
        .sorted(Comparator.comparing(Hold::getRule, RULE_ORDER))
        .map(h -> new Reason(h.getRule(), h.getReason()))
        .toList();
    return new Decision(Optional.empty(), 0, reasons, Optional.of(until), needs, List.of(), stage.firedRules(),
        version, Optional.empty(), List.of(), settings.describe(), Optional.empty());
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

  /** A share from 0 to 1 with three decimals, as explanations write it. */
  private static String thousandths(double share) {
    long milli = Math.round(share * 1000);
    return (milli / 1000) + "." + String.valueOf(1000 + milli % 1000).substring(1);
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

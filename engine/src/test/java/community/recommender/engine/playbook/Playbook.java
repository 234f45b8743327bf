package community.recommender.engine.playbook;

import community.recommender.engine.decision.Decision;
import community.recommender.engine.decision.DecisionPipeline;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.PastSuggestion;
import community.recommender.engine.model.Reason;
import community.recommender.engine.learning.EngagementModel;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleLimits;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.engine.rules.RuleSource;
import java.util.ArrayList;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The real playbook from {@code rules/}, compiled once for all playbook tests. */
final class Playbook {
  static final Path RULES = Path.of("..", "rules");
  private static final RuleBook BOOK = load(List.of());

  private Playbook() {}

  /**
   * The playbook plus one test-only rule that always wants an offer, so the rules that guard
   * offers can be seen working even where the playbook itself would not ask for one. Compiled on
   * first use only: the journey property test, alone in its JVM, never needs it.
   */
  private static final class WithAnOfferNeed {
    static final RuleBook BOOK = load(List.of(new RuleSource("test-wants-an-offer.drl", """
        package playbook.test
        import community.recommender.engine.model.*
        ruleflow-group "needs"
        rule "Test: always want an offer"
        when
            Group()
        then
            insert( Need.of(ContentKind.OFFER).urgency(90).because("test") );
        end
        """)));
  }

  /** The playbook with its {@code learning} setting changed to {@code on}, or to {@code off}. */
  private static final class WithLearning {
    static final RuleBook ON = load(List.of(), "on");
    static final RuleBook OFF = load(List.of(), "off");
  }

  private static RuleBook load(List<RuleSource> extra) {
    return load(extra, null);
  }

  private static RuleBook load(List<RuleSource> extra, String learning) {
    RuleBook book = new RuleBook();
    List<RuleSource> sources = new ArrayList<>();
    for (RuleSource source : new RuleFolder(RULES).read()) {
      sources.add(learning == null ? source : new RuleSource(source.file(),
          source.text().replace(".learning(\"shadow\")", ".learning(\"" + learning + "\")")));
    }
    sources.addAll(extra);
    try {
      book.activate(book.compile(sources), 1);
    } catch (RuleCompilationException e) {
      throw new IllegalStateException("the playbook does not compile:\n" + e.getMessage(), e);
    }
    return book;
  }

  /** Decides for {@code group} over {@code library}, given what it was sent before. */
  static Decision decide(Group group, List<ContentItem> library, PastSuggestion... past) {
    return new DecisionPipeline(BOOK, new InMemoryCatalog(library)).decide(group, List.of(past), Fixtures.NOW);
  }

  /**
   * Decides as {@link #decide} does, with the playbook's learning setting {@code learning} ({@code on},
   * {@code off}, or {@code shadow} as the playbook states it), reading engagement from {@code model}.
   */
  static Decision decideLearning(String learning, EngagementModel model, Group group, List<ContentItem> library,
      PastSuggestion... past) {
    RuleBook book = switch (learning) {
      case "on" -> WithLearning.ON;
      case "off" -> WithLearning.OFF;
      default -> BOOK;
    };
    return new DecisionPipeline(book, new InMemoryCatalog(library), RuleLimits.DEFAULT, () -> model)
        .decide(group, List.of(past), Fixtures.NOW);
  }

  /** Compiles the playbook plus {@code extra}, as an operator would add a rule. */
  static RuleBook withRules(RuleSource... extra) {
    return load(List.of(extra));
  }

  /** Decides as {@link #decide} does, with messages other senders sent the group. */
  static Decision decide(Group group, List<ContentItem> library, community.recommender.engine.model.ExternalSends external,
      PastSuggestion... past) {
    return new DecisionPipeline(BOOK, new InMemoryCatalog(library)).decide(group, List.of(past), external,
        Fixtures.NOW);
  }

  /** Decides as {@link #decide} does, with an extra rule that always wants an offer (urgency 90). */
  static Decision decideWantingAnOffer(Group group, List<ContentItem> library, PastSuggestion... past) {
    return new DecisionPipeline(WithAnOfferNeed.BOOK, new InMemoryCatalog(library)).decide(group, List.of(past),
        Fixtures.NOW);
  }

  /** Decides over a catalog that, unlike the real one, does not filter by region. */
  static Decision decideIgnoringRegions(Group group, List<ContentItem> library) {
    return new DecisionPipeline(WithAnOfferNeed.BOOK, InMemoryCatalog.ignoringRegions(library)).decide(group, List.of(),
        Fixtures.NOW);
  }

  /** The real playbook's rule book. */
  static RuleBook book() {
    return BOOK;
  }

  /** The settings the playbook states. */
  static community.recommender.engine.model.PlaybookSettings settings() {
    return new DecisionPipeline(BOOK, new InMemoryCatalog(List.of())).settingsOf(BOOK.active());
  }

  /** The names of every rule in the playbook. */
  static Set<String> ruleNames() {
    return new TreeSet<>(BOOK.active().rules().ruleNames());
  }

  /** The rules named in the decision's reasons. */
  static List<String> reasonRules(Decision decision) {
    return decision.reasons().stream().map(Reason::rule).toList();
  }

  /** The rules that vetoed {@code contentId}, or an empty list when it was not dropped. */
  static List<String> vetoesOf(Decision decision, String contentId) {
    return decision.dropped().stream()
        .filter(d -> d.content().getId().equals(contentId))
        .flatMap(d -> d.vetoes().stream().map(Reason::rule))
        .toList();
  }
}

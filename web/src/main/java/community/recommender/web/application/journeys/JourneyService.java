package community.recommender.web.application.journeys;

import community.recommender.engine.journey.Journey;
import community.recommender.engine.journey.JourneySimulation;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.History;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.application.Workers;
import community.recommender.web.application.groups.GroupNotFound;
import community.recommender.web.application.playbook.RuleService;
import community.recommender.web.store.GroupQuery;
import community.recommender.web.store.GroupStore;
import community.recommender.web.store.GroupSummary;
import community.recommender.web.store.SuggestionStore;
import io.vertx.core.Future;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Runs the playbook forward with a simulated clock from now, over groups' real state and history:
 * one group's journey, or a health report over many. Nothing is stored or delivered.
 *
 * <p>A proposed rule set (changes over the active files, as {@code /api/v1/rules/simulate} takes
 * them) is compiled first; without one the active set runs.
 */
public final class JourneyService {
  /** The longest journey, in simulated days. */
  public static final int MAX_DAYS = 90;
  /**
   * The most groups one report simulates: ids name at most this many, and a filter's groups come in
   * pages of at most this many, rather than one report running for minutes (a 30-day journey costs
   * from a tenth of a second to about three, by how often it stalls).
   */
  public static final int MAX_GROUPS = 50;

  private final GroupStore groups;
  private final SuggestionStore suggestions;
  private final RuleService rules;
  private final JourneySimulation simulation;
  private final Workers workers;
  private final Clock clock;

  public JourneyService(GroupStore groups, SuggestionStore suggestions, RuleService rules,
      JourneySimulation simulation, Workers workers, Clock clock) {
    this.groups = groups;
    this.suggestions = suggestions;
    this.rules = rules;
    this.simulation = simulation;
    this.workers = workers;
    this.clock = clock;
  }

  /** The journey of {@code groupId} over {@code days}, under the active rules with {@code changes} applied. */
  public Future<GroupJourney> journey(String groupId, int days, Map<String, String> changes) {
    Instant now = clock.instant();
    return ruleSet(changes).compose(set -> groups.find(groupId, now)
        .map(found -> found.orElseThrow(() -> new GroupNotFound(groupId)))
        .compose(group -> journey(group, days, set, now)
            .map(journey -> new GroupJourney(journey, group.getPortrait().getName(), set.version()))));
  }

  /**
   * A health report over the groups {@code ids} names (at most {@link #MAX_GROUPS}, else
   * {@link TooManyGroups}), or else over one page of those {@code filter} lets through, in id order:
   * the filter's page and page size (at most {@link #MAX_GROUPS}) choose it, and the report says
   * how many groups match in all.
   */
  public Future<JourneyReport> report(List<String> ids, GroupQuery filter, int days, Map<String, String> changes) {
    Instant now = clock.instant();
    return ruleSet(changes).compose(set -> chosen(ids, filter, now).compose(chosen -> {
      List<Future<Journey>> journeys = new ArrayList<>();
      for (Group group : chosen.groups()) {
        journeys.add(journey(group, days, set, now));
      }
      return Future.all(journeys).map(done -> new JourneyReport(now, days, set.version(),
          journeys.stream().map(Future::result).toList(),
          chosen.groups().stream().collect(Collectors.toMap(Group::getId, g -> g.getPortrait().getName())),
          chosen.page(), chosen.pageSize(), chosen.total()));
    }));
  }

  /** The groups one report covers, and where they stand among all that were chosen. */
  private record Chosen(List<Group> groups, int page, int pageSize, long total) {}

  private Future<Chosen> chosen(List<String> ids, GroupQuery filter, Instant now) {
    if (!ids.isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(ids);
      if (wanted.size() > MAX_GROUPS) {
        return Future.failedFuture(new TooManyGroups("ids", wanted.size(), MAX_GROUPS));
      }
      return groups.read(List.copyOf(wanted), now).map(found -> {
        Set<String> missing = new LinkedHashSet<>(wanted);
        found.forEach(g -> missing.remove(g.getId()));
        if (!missing.isEmpty()) {
          throw new GroupNotFound(missing.iterator().next());
        }
        return new Chosen(found, 1, wanted.size(), wanted.size());
      });
    }
    int pageSize = Math.min(filter.pageSize(), MAX_GROUPS);
    GroupQuery page = new GroupQuery(filter.bands(), filter.stages(), filter.region(), filter.labels(),
        filter.scope(), filter.page(), pageSize);
    return groups.page(page).compose(found -> groups.read(found.items().stream().map(GroupSummary::id).toList(), now)
        .map(read -> new Chosen(read, page.page(), pageSize, found.total())));
  }

  private Future<Journey> journey(Group group, int days, RuleSet set, Instant now) {
    return suggestions.history(group.getId(), now.minus(History.WINDOW), now)
        .compose(past -> workers.run(() -> simulation.run(group, past, now, days, set)));
  }

  private Future<RuleSet> ruleSet(Map<String, String> changes) {
    if (changes.isEmpty()) {
      return Future.succeededFuture(rules.active());
    }
    return rules.compile(rules.activeFilesWith(changes)).map(compiled -> new RuleSet(-1, compiled));
  }
}

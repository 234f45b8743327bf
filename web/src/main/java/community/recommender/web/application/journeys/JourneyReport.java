package community.recommender.web.application.journeys;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.journey.Journey;
import community.recommender.engine.model.ContentKind;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The playbook's health over many groups' journeys: stalls, offers per group-month, the mix of
 * kinds and the content gaps met.
 *
 * @param from the simulated start (now)
 * @param days how many days every journey ran
 * @param ruleSetVersion the rule set's version, -1 for a proposal
 * @param journeys every group's journey, in id order
 * @param names each group's name, by id
 * @param page which page of the chosen groups this report covers, from 1
 * @param pageSize how many groups a page holds
 * @param total how many groups were chosen in all, on every page
 */
public record JourneyReport(Instant from, int days, long ruleSetVersion, List<Journey> journeys,
    Map<String, String> names, int page, int pageSize, long total) {

  public JourneyReport {
    journeys = List.copyOf(journeys);
    names = Map.copyOf(names);
  }

  /** The next page's number, when more chosen groups follow this page. */
  public java.util.OptionalInt next() {
    return (long) page * pageSize < total ? java.util.OptionalInt.of(page + 1) : java.util.OptionalInt.empty();
  }

  /** Decisions that found nothing although no rule held the group, over every journey. */
  public int stalls() {
    return journeys.stream().mapToInt(j -> j.stalls().size()).sum();
  }

  /** The journeys with at least one stall. */
  public List<Journey> stalled() {
    return journeys.stream().filter(j -> !j.stalls().isEmpty()).toList();
  }

  /** How many of each kind were sent, over every journey. */
  public Map<ContentKind, Integer> kinds() {
    Map<ContentKind, Integer> mix = new EnumMap<>(ContentKind.class);
    for (ContentKind kind : ContentKind.values()) {
      mix.put(kind, 0);
    }
    journeys.forEach(j -> j.kinds().forEach((kind, n) -> mix.merge(kind, n, Integer::sum)));
    return mix;
  }

  /** Offers sent per group per 30 days. */
  public double offersPerGroupMonth() {
    if (journeys.isEmpty()) {
      return 0;
    }
    return kinds().get(ContentKind.OFFER) / (double) journeys.size() / (days / 30.0);
  }

  /** Each content gap met, with how many groups met it. */
  public Map<ContentGap, Integer> gaps() {
    Map<ContentGap, Integer> gaps = new LinkedHashMap<>();
    for (Journey journey : journeys) {
      journey.gaps().stream().map(JourneyReport::withoutRule).distinct()
          .forEach(gap -> gaps.merge(gap, 1, Integer::sum));
    }
    return gaps;
  }

  /** A gap as editors see it: the same content would close it whichever rule met it. */
  private static ContentGap withoutRule(ContentGap gap) {
    return new ContentGap(gap.kind(), gap.tags(), gap.interests(), gap.language(), gap.region(), "", 0);
  }
}

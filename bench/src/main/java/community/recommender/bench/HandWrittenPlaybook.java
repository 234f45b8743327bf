package community.recommender.bench;

import community.recommender.engine.decision.CandidateQuery;
import community.recommender.engine.decision.ContentCatalog;
import community.recommender.engine.decision.ContentMatch;
import community.recommender.engine.model.ActivityBand;
import community.recommender.engine.model.Candidate;
import community.recommender.engine.model.ContentItem;
import community.recommender.engine.model.ContentKind;
import community.recommender.engine.model.Group;
import community.recommender.engine.model.Need;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The baseline: four of the playbook's rules written as a plain Java loop, with no rule engine.
 *
 * <p>"Wake a quiet group with interaction before any offer", "Offer something to a lively group
 * that is in a good mood", "Never sell to a quiet group" and "Prefer content made for the group's
 * interests".
 */
final class HandWrittenPlaybook {
  private final ContentCatalog catalog;

  HandWrittenPlaybook(ContentCatalog catalog) {
    this.catalog = catalog;
  }

  Optional<ContentItem> decide(Group group, Instant now) {
    return decide(group, needs(group), now);
  }

  /**
   * The same loop for {@code needs} found elsewhere, such as those a playbook decision tried: the
   * retrieval a decision for them costs in plain Java, one search per need, and the two candidate rules.
   */
  Optional<ContentItem> decide(Group group, List<Need> needs, Instant now) {
    Map<String, Candidate> candidates = new LinkedHashMap<>();
    for (Need need : needs) {
      CandidateQuery query = new CandidateQuery(need.getKind(), need.getTags(), group.getPortrait().getInterests(),
          group.getPortrait().getRegion(), group.getPortrait().getLanguage(), now, 20);
      for (ContentMatch match : catalog.find(query)) {
        candidates.putIfAbsent(match.item().getId(), new Candidate(match.item(), need, match.relevance()));
      }
    }
    return best(group, List.copyOf(candidates.values()));
  }

  static List<Need> needs(Group group) {
    List<Need> needs = new ArrayList<>();
    ActivityBand band = group.getActivity().getBand();
    if (band == ActivityBand.QUIET || band == ActivityBand.DORMANT) {
      needs.add(Need.of(ContentKind.POST, "icebreaker", "topic").urgency(80).because("quiet"));
      needs.add(Need.of(ContentKind.ACTIVITY, "check-in", "game").urgency(70).because("quiet"));
    }
    if ((band == ActivityBand.ACTIVE || band == ActivityBand.HOT) && group.getActivity().getComplaintShare() < 0.05) {
      needs.add(Need.of(ContentKind.OFFER, "group-buy", "coupon").urgency(55).because("lively"));
    }
    needs.sort((a, b) -> Integer.compare(b.getUrgency(), a.getUrgency()));
    return needs;
  }

  /** The two candidate rules over any list of candidates. */
  static Optional<ContentItem> best(Group group, List<Candidate> candidates) {
    ActivityBand band = group.getActivity().getBand();
    boolean quiet = band == ActivityBand.QUIET || band == ActivityBand.DORMANT;
    Candidate best = null;
    int bestScore = Integer.MIN_VALUE;
    for (Candidate candidate : candidates) {
      if (quiet && candidate.getKind() == ContentKind.OFFER) {
        continue;
      }
      int score = candidate.getNeed().getUrgency();
      if (candidate.getContent().servesAnyOf(group.getPortrait().getInterests())) {
        score += 15;
      }
      if (score > bestScore) {
        best = candidate;
        bestScore = score;
      }
    }
    return Optional.ofNullable(best).map(Candidate::getContent);
  }
}

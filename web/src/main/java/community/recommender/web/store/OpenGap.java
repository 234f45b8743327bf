package community.recommender.web.store;

import community.recommender.engine.decision.ContentGap;
import community.recommender.engine.model.ContentKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Content the library lacks, with the groups waiting on it.
 *
 * @param key the gap's identity: kind, tags, interests, language and region
 * @param kind the kind of content needed
 * @param tags the tags that would serve; empty means any
 * @param interests the waiting groups' interests
 * @param language their language
 * @param region their region, or null
 * @param rule the rule whose need went unanswered most recently
 * @param groupsWaiting how many active groups wait on it
 * @param groups some of those groups, by id
 * @param firstSeen when a decision first met it
 * @param lastSeen when a decision last met it
 */
public record OpenGap(String key, ContentKind kind, List<String> tags, List<String> interests, String language,
    String region, String rule, int groupsWaiting, List<String> groups, Instant firstSeen, Instant lastSeen) {

  public OpenGap {
    tags = List.copyOf(tags);
    interests = List.copyOf(interests);
    groups = List.copyOf(groups);
  }

  /** The identity of {@code gap}: the same content would close every gap with this key. */
  public static String keyOf(ContentGap gap) {
    return String.join("|", gap.kind().name(), String.join(",", sorted(gap.tags())),
        String.join(",", sorted(gap.interests())), gap.language().toLowerCase(Locale.ROOT),
        gap.region() == null ? "" : gap.region());
  }

  private static List<String> sorted(List<String> values) {
    List<String> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }
}

package community.recommender.engine.decision;

import community.recommender.engine.model.ContentKind;
import java.util.List;

/**
 * Content a group needed that the library could not give it: a need that found no candidate, or
 * only candidates that do not fit the group (other interests, regions, already sent). Editors read
 * gaps to know what to write next.
 *
 * @param kind the kind of content needed
 * @param tags the tags that would have served; empty means any
 * @param interests the group's interests
 * @param language the group's language
 * @param region the group's region, or null
 * @param rule the rule whose need went unanswered
 * @param found how many items were found for the need (all unfit when more than 0)
 */
public record ContentGap(ContentKind kind, List<String> tags, List<String> interests, String language, String region,
    String rule, int found) {

  public ContentGap {
    tags = List.copyOf(tags);
    interests = List.copyOf(interests);
  }
}

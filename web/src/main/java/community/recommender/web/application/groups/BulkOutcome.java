package community.recommender.web.application.groups;

/**
 * What a bulk change did to one group.
 *
 * @param groupId the group
 * @param result {@code labelled}, {@code unlabelled}, {@code archived}, {@code unchanged} (it already was so),
 *     {@code notFound}, {@code refused} (the change would break a limit) or {@code failed}
 * @param message why it was refused or failed; null otherwise
 */
public record BulkOutcome(String groupId, String result, String message) {

  static BulkOutcome of(String groupId, String result) {
    return new BulkOutcome(groupId, result, null);
  }

  /** Whether the group was changed. */
  public boolean changed() {
    return result.equals("labelled") || result.equals("unlabelled") || result.equals("archived");
  }
}

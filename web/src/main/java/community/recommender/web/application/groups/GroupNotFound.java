package community.recommender.web.application.groups;

/** Thrown when no active group has the id asked for. */
public final class GroupNotFound extends RuntimeException {

  public GroupNotFound(String groupId) {
    super("no group '" + groupId + "'");
  }
}

package community.recommender.web.store;

/** What a token may do: administer, run the playbook, edit content, or act as a chat tool. */
public enum Role {
  ADMIN,
  OPERATOR,
  EDITOR,
  BOT
}

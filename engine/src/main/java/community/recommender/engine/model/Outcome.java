package community.recommender.engine.model;

/**
 * What became of a suggestion after it was made. WeCom customer-group messages go through the
 * group owner's confirmation: a task is created, waits for the owner, and is then sent (POSTED),
 * expires or is cancelled.
 */
public enum Outcome {
  /** Not yet reported on: waiting for a chat tool, or handed to one that has not answered. */
  PENDING,
  POSTED,
  SKIPPED,
  FAILED,
  /** A WeCom mass-message task was created for it. */
  TASK_CREATED,
  /** The WeCom task waits for the group owner to confirm it in the client. */
  AWAITING_CONFIRMATION,
  /** The owner never confirmed it: it was not sent, and is released. */
  EXPIRED,
  /** The task was withdrawn before it was sent. */
  CANCELLED;

  /** Whether the suggestion is on its way to the group and must count as sent until it is settled. */
  public boolean isOnItsWay() {
    return this == TASK_CREATED || this == AWAITING_CONFIRMATION;
  }
}

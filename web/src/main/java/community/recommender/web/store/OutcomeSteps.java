package community.recommender.web.store;

import java.util.List;

/**
 * The order in which reported outcomes may follow one another: a WeCom task is created, then awaits
 * the owner's confirmation, then settles (posted, expired, cancelled; or, for any platform, posted,
 * skipped or failed). Reports may arrive late or twice, so an earlier step after a later one
 * changes nothing; two different settled outcomes contradict each other.
 */
public final class OutcomeSteps {
  /** Every outcome a chat tool may report, as stored. */
  public static final List<String> ALL = List.of("task_created", "awaiting_confirmation", "posted", "skipped",
      "failed", "expired", "cancelled");

  private OutcomeSteps() {}

  /** How far along {@code outcome} is: 0 before any report, 1 task created, 2 awaiting confirmation, 3 settled. */
  public static int step(String outcome) {
    if (outcome == null) {
      return 0;
    }
    return switch (outcome) {
      case "task_created" -> 1;
      case "awaiting_confirmation" -> 2;
      default -> 3;
    };
  }

  /** Whether {@code reported} moves a suggestion on from {@code recorded}. */
  public static boolean advances(String recorded, String reported) {
    return step(reported) > step(recorded);
  }

  /** Whether {@code reported} contradicts {@code recorded}: both settled, differently. */
  public static boolean contradicts(String recorded, String reported) {
    return step(recorded) == 3 && step(reported) == 3 && !recorded.equals(reported);
  }
}

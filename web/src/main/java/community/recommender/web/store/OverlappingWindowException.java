package community.recommender.web.store;

import community.recommender.engine.model.ActivityReport;
import java.time.Instant;

/** A reported window that shares time with a different window already stored for the group. */
public final class OverlappingWindowException extends RuntimeException {
  private final int index;

  public OverlappingWindowException(int index, ActivityReport report, Instant storedFrom, Instant storedTo) {
    super("the window [" + report.from() + ", " + report.to() + ") overlaps the stored window [" + storedFrom + ", "
        + storedTo + "); resend exactly that window to replace it, or report windows that do not overlap");
    this.index = index;
  }

  /** The position of the refused window among those sent together, from 0. */
  public int index() {
    return index;
  }
}

package community.recommender.web.store;

import community.recommender.engine.model.ActivityReport;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Activity reports, one per group and window. */
public interface ActivityReportStore {

  /**
   * Records {@code reports} for the group, all or none. Answers how many windows were new and
   * how many replaced earlier reports, or empty when there is no active group {@code groupId};
   * fails with {@link OverlappingWindowException} when a window overlaps a stored one.
   */
  Future<Optional<ReportReceipt>> record(String groupId, List<ActivityReport> reports);

  /**
   * Messages, reactions, joins and complaints per day for the last {@code days} days up to
   * {@code now}, days in the group's time zone; a report counts on the day its window ends.
   * Days without reports are present with zeros, so charts show gaps as gaps.
   */
  Future<JsonArray> daily(String groupId, int days, Instant now, ZoneId zone);

  /**
   * What each group's reports add up to over the windows that lie wholly between {@code from} and
   * {@code to}, with how much time those windows cover; groups without such reports are left out.
   */
  Future<Map<String, PeriodTotals>> totals(List<String> groupIds, Instant from, Instant to);

  /** A group's reported counts over a period, and how many seconds of it the reports cover. */
  record PeriodTotals(long messages, long reactions, long clicks, long orders, long coveredSeconds) {}
}

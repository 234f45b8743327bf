package community.recommender.web.application.health;

import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleRunner;
import community.recommender.web.store.StoreHealth;
import io.vertx.core.Future;
import java.util.List;

/**
 * What health checks ask of the node: whether its database answers, whether a rule worker is stuck
 * past its decision's deadline, and which rule set serves.
 *
 * <p>A stuck rule worker's thread is lost to decisions until the rules give it back, so it makes the
 * node unavailable.
 */
public final class HealthChecks {
  private final StoreHealth database;
  private final RuleBook ruleBook;

  public HealthChecks(StoreHealth database, RuleBook ruleBook) {
    this.database = database;
    this.ruleBook = ruleBook;
  }

  /** Succeeds when the database answers; fails with the reason otherwise. */
  public Future<Void> database() {
    return database.check();
  }

  /** "ok", or which rule worker is stuck past its decision's deadline and for how long. */
  public String rules() {
    List<RuleRunner.Overdue> stuck = ruleBook.runner().stuck();
    if (stuck.isEmpty()) {
      return "ok";
    }
    RuleRunner.Overdue oldest = stuck.get(0);
    return stuck.size() + " rule worker(s) stuck past their deadline; the oldest, " + oldest.what() + ", has run "
        + oldest.running().toMillis() + " ms";
  }

  /** The version of the rule set serving decisions. */
  public long ruleSetVersion() {
    return ruleBook.active().version();
  }
}

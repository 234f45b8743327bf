package community.recommender.web.application.groups;

import community.recommender.engine.model.Group;
import community.recommender.engine.model.Portrait;
import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies one change to many groups, one group after another, and reports each group's result.
 *
 * <p>Each group changes on its own, as if saved or archived alone (its pending suggestion withdrawn,
 * its assessment stored); one group's refusal or failure stops nothing for the others, and the
 * report says which changed.
 */
public final class GroupBulk {
  /** The most labels one portrait may carry, as the portrait endpoints accept. */
  public static final int MAX_LABELS = 50;

  private final GroupService groups;

  public GroupBulk(GroupService groups) {
    this.groups = groups;
  }

  /** Makes {@code change} to each of {@code ids}, in order; answers one outcome per distinct id. */
  public Future<List<BulkOutcome>> apply(List<String> ids, BulkChange change) {
    Future<List<BulkOutcome>> chain = Future.succeededFuture(new ArrayList<>());
    for (String id : new LinkedHashSet<>(ids)) {
      chain = chain.compose(outcomes -> applyTo(id, change)
          .recover(e -> Future.succeededFuture(new BulkOutcome(id, "failed", e.getMessage())))
          .map(outcome -> {
            outcomes.add(outcome);
            return outcomes;
          }));
    }
    return chain;
  }

  private Future<BulkOutcome> applyTo(String id, BulkChange change) {
    if (change.action() == BulkChange.Action.ARCHIVE) {
      return groups.archive(id).map(done -> BulkOutcome.of(id, "archived"))
          .recover(e -> e instanceof GroupNotFound ? Future.succeededFuture(BulkOutcome.of(id, "notFound"))
              : Future.failedFuture(e));
    }
    return groups.find(id).compose(found -> found.isEmpty() ? Future.succeededFuture(BulkOutcome.of(id, "notFound"))
        : relabel(found.get(), change));
  }

  private Future<BulkOutcome> relabel(Group group, BulkChange change) {
    Portrait portrait = group.getPortrait();
    Set<String> labels = new LinkedHashSet<>(portrait.getLabels());
    boolean adding = change.action() == BulkChange.Action.ADD_LABEL;
    boolean changed = adding ? labels.add(change.label()) : labels.remove(change.label());
    if (!changed) {
      return Future.succeededFuture(BulkOutcome.of(group.getId(), "unchanged"));
    }
    if (labels.size() > MAX_LABELS) {
      return Future.succeededFuture(new BulkOutcome(group.getId(), "refused",
          "a group carries at most " + MAX_LABELS + " labels"));
    }
    return groups.save(group.getId(), portrait.withLabels(List.copyOf(labels)))
        .map(saved -> BulkOutcome.of(group.getId(), adding ? "labelled" : "unlabelled"));
  }
}

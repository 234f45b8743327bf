package community.recommender.web.application.groups;

import community.recommender.engine.model.Group;
import community.recommender.web.store.ReportReceipt;

/** What reporting activity did: the windows added and replaced, and the group as it now stands. */
public record ActivityRecorded(ReportReceipt receipt, Group group) {}

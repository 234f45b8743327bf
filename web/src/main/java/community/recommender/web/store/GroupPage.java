package community.recommender.web.store;

import java.util.List;

/** One page of a group list, and how many groups the whole list has. */
public record GroupPage(List<GroupSummary> items, long total) {}

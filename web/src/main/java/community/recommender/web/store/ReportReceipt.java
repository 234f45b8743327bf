package community.recommender.web.store;

/** What recording a request's windows did: how many were new, and how many replaced an earlier report. */
public record ReportReceipt(int added, int replaced) {}

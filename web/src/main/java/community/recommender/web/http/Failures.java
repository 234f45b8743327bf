package community.recommender.web.http;

import community.recommender.web.application.experiments.ExperimentNotFound;
import community.recommender.web.application.experiments.ExperimentRejected;
import community.recommender.web.application.groups.GroupNotFound;
import community.recommender.web.application.journeys.TooManyGroups;
import community.recommender.web.application.playbook.RuleFileNotFound;
import community.recommender.web.application.playbook.RuleSetRejected;
import community.recommender.web.application.playbook.RuleVersionNotFound;
import community.recommender.web.application.suggestions.DecisionFailed;
import community.recommender.web.application.suggestions.FeedbackNotAllowed;
import community.recommender.web.application.suggestions.SuggestionNotFound;
import community.recommender.web.application.suggestions.NodeDraining;
import community.recommender.web.application.tokens.TokenNotFound;
import community.recommender.web.store.DatabaseOutage;
import community.recommender.web.store.FeedbackConflict;
import community.recommender.web.store.LastAdminToken;
import community.recommender.web.store.OverlappingWindowException;
import community.recommender.web.store.StaleVersion;
import java.util.Optional;

/** The one place where the services' and stores' exceptions become HTTP statuses. */
public final class Failures {
  private Failures() {}

  /** The API error {@code failure} answers as, or empty for an unexpected failure (a 500 to log). */
  public static Optional<ApiError> asApiError(Throwable failure) {
    if (failure instanceof ApiError error) {
      return Optional.of(error);
    }
    if (failure instanceof GroupNotFound || failure instanceof RuleFileNotFound
        || failure instanceof RuleVersionNotFound || failure instanceof TokenNotFound
        || failure instanceof SuggestionNotFound || failure instanceof ExperimentNotFound) {
      return Optional.of(ApiError.notFound(failure.getMessage()));
    }
    if (failure instanceof FeedbackNotAllowed) {
      return Optional.of(ApiError.forbidden(failure.getMessage()));
    }
    if (failure instanceof TooManyGroups tooMany) {
      return Optional.of(ApiError.invalid(tooMany.field(), tooMany.getMessage()));
    }
    if (failure instanceof ExperimentRejected rejected) {
      return Optional.of(ApiError.invalid(rejected.field(), rejected.getMessage()));
    }
    if (failure instanceof NodeDraining) {
      return Optional.of(ApiError.unavailable(failure.getMessage(), NodeDraining.RETRY_AFTER_SECONDS));
    }
    if (failure instanceof DecisionFailed) {
      return Optional.of(ApiError.ruleFailure(failure.getMessage()));
    }
    if (failure instanceof FeedbackConflict conflict) {
      return Optional.of(ApiError.conflict(conflict.field(), conflict.getMessage()));
    }
    if (failure instanceof StaleVersion) {
      return Optional.of(ApiError.preconditionFailed("If-Match", failure.getMessage()));
    }
    if (failure instanceof LastAdminToken) {
      return Optional.of(ApiError.conflict("id", failure.getMessage()));
    }
    if (failure instanceof OverlappingWindowException overlap) {
      return Optional.of(ApiError.invalid("from", overlap.getMessage()));
    }
    if (DatabaseOutage.explains(failure)) {
      return Optional.of(ApiError.unavailable(DatabaseOutage.MESSAGE, DatabaseOutage.RETRY_AFTER_SECONDS));
    }
    return Optional.empty();
  }

  /** 413 for a rule set refused for its size before it was read, else 422: read, and wrong. */
  public static int status(RuleSetRejected rejected) {
    return rejected.tooLarge() ? 413 : 422;
  }
}

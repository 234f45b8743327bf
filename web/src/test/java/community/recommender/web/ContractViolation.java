package community.recommender.web;

/** A request or response that disagrees with the OpenAPI document; fails the test that saw it. */
final class ContractViolation extends AssertionError {
  ContractViolation(String message) {
    super(message);
  }
}

package community.recommender.web.cli;

/** Ends a command with one line on standard error and its exit code. */
final class CliFailure extends RuntimeException {
  private final int exitCode;

  private CliFailure(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** The server answered and refused the request. */
  static CliFailure refused(String message) {
    return new CliFailure(message, ExitCode.REFUSED);
  }

  /** The command could not do its work at all. */
  static CliFailure failed(String message) {
    return new CliFailure(message, ExitCode.FAILED);
  }

  int exitCode() {
    return exitCode;
  }
}

package community.recommender.web.cli;

/** The exit codes of every command: the same meaning whatever the command. */
final class ExitCode {
  /** Everything asked for was done. */
  static final int DONE = 0;
  /** The command ran, but something was refused: a file the server rejected, a rule that does not compile. */
  static final int REFUSED = 1;
  /** The command could not do its work: bad arguments, no token, no server, or a server that failed. */
  static final int FAILED = 2;

  private ExitCode() {}
}

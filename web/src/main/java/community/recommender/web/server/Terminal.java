package community.recommender.web.server;

/**
 * Whether a person reads the server's output at a terminal, or it only goes to a log that others
 * may read and keep, as in a container or under a service manager.
 *
 * <p>It decides where the first admin token goes: shown once at a terminal, and only ever saved
 * to its file (mode 0600) otherwise, so that no log holds it.
 */
public enum Terminal {
  PRESENT,
  ABSENT;

  /** ABSENT when {@code --no-terminal} was given or the process has no console; else PRESENT. */
  public static Terminal of(boolean noTerminalOption, boolean hasConsole) {
    return noTerminalOption || !hasConsole ? ABSENT : PRESENT;
  }
}

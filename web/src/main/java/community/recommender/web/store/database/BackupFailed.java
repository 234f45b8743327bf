package community.recommender.web.store.database;

/** Thrown when a backup or a restore cannot be done; its message is the one line the operator sees. */
public final class BackupFailed extends RuntimeException {

  public BackupFailed(String message) {
    super(message);
  }

  public BackupFailed(String message, Throwable cause) {
    super(message, cause);
  }
}

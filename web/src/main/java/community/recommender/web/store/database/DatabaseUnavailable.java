package community.recommender.web.store.database;

/** Thrown when the database cannot be started or reached; its message is the one line the operator sees. */
public final class DatabaseUnavailable extends RuntimeException {

  public DatabaseUnavailable(String message) {
    super(message);
  }

  public DatabaseUnavailable(String message, Throwable cause) {
    super(message, cause);
  }
}

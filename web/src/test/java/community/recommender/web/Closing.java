package community.recommender.web;

/** Closes a test's parts in order, each one even when an earlier one failed. */
final class Closing {
  private Closing() {}

  /** Closes every part that is not null, in the order given; the first failure is rethrown at the end. */
  static void all(AutoCloseable... parts) {
    RuntimeException failure = null;
    for (AutoCloseable part : parts) {
      if (part == null) {
        continue;
      }
      try {
        part.close();
      } catch (Exception e) {
        if (failure == null) {
          failure = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }
}

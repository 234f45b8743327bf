package community.recommender.web.http.content;

import community.recommender.content.format.Fault;

/** The HTTP status each kind of content problem answers with. */
public final class Faults {
  private Faults() {}

  /** 400 malformed, 422 invalid, 413 too large, 415 unsupported type. */
  public static int status(Fault fault) {
    return switch (fault) {
      case MALFORMED -> 400;
      case INVALID -> 422;
      case TOO_LARGE -> 413;
      case UNSUPPORTED -> 415;
    };
  }
}

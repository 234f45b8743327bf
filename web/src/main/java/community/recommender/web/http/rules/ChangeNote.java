package community.recommender.web.http.rules;

import community.recommender.web.http.ApiError;
import community.recommender.web.http.Responses;
import io.vertx.ext.web.RoutingContext;

/**
 * An operator's short note on why the rules changed, recorded with the version it creates: the
 * {@code note} query parameter of a PUT or DELETE, or of a rollback (whose JSON body may carry it too).
 */
final class ChangeNote {
  /** The longest note kept, in characters: a sentence or two, not a document. */
  static final int MAX_LENGTH = 500;

  private ChangeNote() {
  }

  /** The note without surrounding spaces, or null when there is none; 422 naming {@code note} when too long. */
  static String of(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String note = raw.strip();
    if (note.codePointCount(0, note.length()) > MAX_LENGTH) {
      throw ApiError.invalid("note", "note may be at most " + MAX_LENGTH + " characters");
    }
    if (note.indexOf('\u0000') >= 0) {
      throw ApiError.invalid("note", "note may not hold NUL characters");
    }
    return note;
  }

  /** A rollback's note: from {@code ?note=}, else from a JSON body's {@code note} when there is a body. */
  static String ofRestore(RoutingContext ctx) {
    String fromQuery = ctx.queryParams().get("note");
    if (fromQuery != null || ctx.body() == null || ctx.body().isEmpty()) {
      return of(fromQuery);
    }
    Object note = Responses.jsonBody(ctx).getValue("note");
    if (note != null && !(note instanceof String)) {
      throw ApiError.invalid("note", "note must be text");
    }
    return of((String) note);
  }
}

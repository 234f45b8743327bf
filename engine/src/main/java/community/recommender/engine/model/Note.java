package community.recommender.engine.model;

import java.util.Objects;

/** A remark a rule adds to the explanation of a decision without changing it. */
public final class Note extends RuleOutcome {
  private final String message;

  public Note(String message) {
    this.message = Objects.requireNonNull(message, "message");
  }

  public String getMessage() {
    return message;
  }
}

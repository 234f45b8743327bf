package community.recommender.engine.learning;

import java.util.Locale;

/** Whether learning chooses, only watches, or is off; the playbook setting {@code learning}. */
public enum LearningMode {
  /** The rules alone choose; nothing is drawn. */
  OFF,
  /** The rules choose; what learning would have chosen is recorded beside it. */
  SHADOW,
  /** Learning chooses among the candidates the rules allow for the need they answer. */
  ON;

  /** The mode named {@code word} ({@code off}, {@code shadow} or {@code on}, any case). */
  public static LearningMode named(String word) {
    try {
      return valueOf(word.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("learning must be off, shadow or on, not '" + word + "'", e);
    }
  }
}

package community.recommender.engine.rules;

import java.util.Objects;

/** The text of one DRL file, named by its file name within the rule set. */
public record RuleSource(String file, String text) {

  public RuleSource {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(text, "text");
    if (!file.endsWith(".drl") || file.contains("/") || file.contains("\\")) {
      throw new IllegalArgumentException("rule file name must be a plain *.drl name: " + file);
    }
  }
}

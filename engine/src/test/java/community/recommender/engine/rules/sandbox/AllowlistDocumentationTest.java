package community.recommender.engine.rules.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** rules/README.md's "What is refused" is written from allowlist.txt; this keeps the two in step. */
class AllowlistDocumentationTest {
  private static final Path ALLOWLIST = Path.of("src", "main", "resources", "community", "recommender", "engine", "rules",
      "sandbox", "allowlist.txt");
  private static final Path README = Path.of("..", "rules", "README.md");

  @Test
  void everySectionAndEveryJdkClassOfTheAllowlist_isNamedInTheReadme() throws Exception {
    String readme = Files.readString(README);
    String refused = readme.substring(readme.indexOf("### What is refused"));
    List<String> missing = new ArrayList<>();
    for (String line : Files.readAllLines(ALLOWLIST)) {
      if (line.startsWith("## ")) {
        String section = line.substring(3).replaceAll("\\s*\\(.*\\)$", "");
        if (!refused.contains("| " + section + " |")) {
          missing.add("section " + section);
        }
      } else if (line.startsWith("java.")) {
        String className = line.split("\\s+")[0];
        String simple = className.substring(className.lastIndexOf('.') + 1);
        if (!refused.contains("`" + simple) && !refused.contains(simple + "`") && !refused.contains(simple + ".")) {
          missing.add("class " + className);
        }
      }
    }
    assertThat(missing).as("allowlist entries the README does not mention").isEmpty();
  }

  @Test
  void theStandardAllowlist_allowsWhatTheReadmePromises_andRefusesWhatItRefuses() {
    Allowlist list = Allowlist.standard();

    assertThat(list.allows("community/recommender/engine/model/Group", "getPortrait", "()V")).isTrue();
    assertThat(list.allows("java/lang/String", "contains", "(Ljava/lang/CharSequence;)Z")).isTrue();
    assertThat(list.allows("java/lang/String", "repeat", "(I)Ljava/lang/String;")).isFalse();
    assertThat(list.allows("java/util/ArrayList", "<init>", "()V")).isTrue();
    assertThat(list.allows("java/util/ArrayList", "<init>", "(I)V")).isFalse();
    assertThat(list.allows("java/time/Instant", "plusSeconds", "(J)Ljava/time/Instant;")).isTrue();
    assertThat(list.allows("java/time/Instant", "now", "()Ljava/time/Instant;")).isFalse();
    assertThat(list.allows("community/recommender/engine/model/RuleOutcome", "attributeTo", null)).isFalse();
    assertThat(list.allows("java/lang/Object", "wait", "()V")).isFalse();
    assertThat(list.allows("java/lang/System", "exit", "(I)V")).isFalse();
    assertThat(list.allows("java/util/TimeZone", "setDefault", null)).isFalse();
  }
}

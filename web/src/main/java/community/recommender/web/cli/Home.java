package community.recommender.web.cli;

import java.nio.file.Path;

/** Where the launcher lives: the folder holding {@code rules/} and {@code content-library/samples/}. */
final class Home {
  private Home() {}

  /** {@code RECOMMENDER_HOME} when set, else the working directory. */
  static Path directory() {
    String home = System.getenv("RECOMMENDER_HOME");
    return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath();
  }

  /** The data dir a command was given, else {@code data/} in the home directory. */
  static Path dataDir(Path given) {
    return given != null ? given : directory().resolve("data");
  }
}

package community.recommender.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The token a command line client sends: {@code --token}, else {@code $RECOMMENDER_TOKEN}, else the admin token file. */
final class CliToken {
  private CliToken() {}

  /** The token to use; fails with a message saying how to give one when there is none. */
  static String resolve(String option, Path home) {
    if (option != null && !option.isBlank()) {
      return option.strip();
    }
    String env = System.getenv("RECOMMENDER_TOKEN");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    Path file = home.resolve("data").resolve("admin.token");
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalStateException("no token: pass --token, set RECOMMENDER_TOKEN, or run where " + file
          + " exists");
    }
  }
}

package community.recommender.web.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The token every command that calls a server sends: {@code --token}, else {@code --token-file},
 * else {@code $RECOMMENDER_TOKEN}, else the admin token file in the data dir ({@code <home>/data}
 * unless {@code --data-dir} says otherwise).
 */
final class CliToken {
  private CliToken() {}

  /** The token to use; fails with a message saying how to give one when there is none. */
  static String resolve(String option, Path tokenFile, Path dataDir) {
    if (option != null && !option.isBlank()) {
      return option.strip();
    }
    if (tokenFile != null) {
      try {
        return Files.readString(tokenFile).strip();
      } catch (IOException e) {
        throw CliFailure.failed("no token: --token-file " + tokenFile + " is not readable");
      }
    }
    String env = System.getenv("RECOMMENDER_TOKEN");
    if (env != null && !env.isBlank()) {
      return env.strip();
    }
    Path file = Home.dataDir(dataDir).resolve("admin.token");
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw CliFailure.failed("no token: pass --token or --token-file, set RECOMMENDER_TOKEN, or run where "
          + file + " exists");
    }
  }
}

package community.recommender.web.store.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The PostgreSQL server process of one data dir, found through its {@code postmaster.pid}, and
 * trusted only once the process itself is seen to run on that data dir.
 *
 * <p>A pid file outlives its process, and the pid may since belong to another program, even to
 * another PostgreSQL. So a recorded pid counts only when that process is a {@code postgres} whose
 * working directory (PostgreSQL changes into its data dir) or {@code -D} argument is this data dir.
 */
final class Postmaster {
  private static final String PID_FILE = "postmaster.pid";
  /** The line of {@code postmaster.pid} with the port (the fourth). */
  private static final int PORT_LINE = 3;

  private Postmaster() {}

  /** The live postmaster of {@code dataDir}; empty when none runs there. */
  static Optional<ProcessHandle> of(Path dataDir) {
    List<String> lines = pidFile(dataDir);
    if (lines.isEmpty() || !lines.get(0).strip().matches("\\d{1,10}")) {
      return Optional.empty();
    }
    return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
        .filter(ProcessHandle::isAlive)
        .filter(process -> runsOn(process, dataDir));
  }

  /** The port the live postmaster of {@code dataDir} listens on; empty when none runs there. */
  static OptionalInt port(Path dataDir) {
    if (of(dataDir).isEmpty()) {
      return OptionalInt.empty();
    }
    List<String> lines = pidFile(dataDir);
    if (lines.size() <= PORT_LINE || !lines.get(PORT_LINE).strip().matches("\\d{1,5}")) {
      return OptionalInt.empty();
    }
    return OptionalInt.of(Integer.parseInt(lines.get(PORT_LINE).strip()));
  }

  /** Whether {@code process} is a PostgreSQL server or backend working on {@code dataDir}. */
  static boolean runsOn(ProcessHandle process, Path dataDir) {
    boolean postgres = process.info().command().map(c -> c.endsWith("/postgres")).orElse(false);
    if (!postgres) {
      return false;
    }
    Optional<Path> ours = realPath(dataDir);
    if (ours.isEmpty()) {
      return false;
    }
    Optional<Path> workingDir = realPath(Path.of("/proc", Long.toString(process.pid()), "cwd"));
    if (workingDir.isPresent()) {
      return workingDir.equals(ours);
    }
    String[] arguments = process.info().arguments().orElse(new String[0]);
    for (int i = 0; i + 1 < arguments.length; i++) {
      if (arguments[i].equals("-D") && realPath(Path.of(arguments[i + 1])).equals(ours)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Waits up to {@code bound} until no PostgreSQL process works on {@code dataDir} any more, as the
   * backends of a killed postmaster do until they notice; a new postmaster refuses to start while
   * they hold its shared memory.
   */
  static void awaitDataDirFree(Path dataDir, Duration bound) {
    long deadline = System.nanoTime() + bound.toNanos();
    while (System.nanoTime() < deadline
        && ProcessHandle.allProcesses().anyMatch(process -> process.isAlive() && runsOn(process, dataDir))) {
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static List<String> pidFile(Path dataDir) {
    Path file = dataDir.resolve(PID_FILE);
    try {
      return Files.isRegularFile(file) ? Files.readAllLines(file) : List.of();
    } catch (IOException e) {
      return List.of();
    }
  }

  private static Optional<Path> realPath(Path path) {
    try {
      return Optional.of(path.toRealPath());
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }
}

package community.recommender.web.store.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL left running by a server that was killed.
 *
 * <p>PostgreSQL runs as its own process. When the JVM that started it dies without running its
 * shutdown hooks (SIGKILL, the OOM killer), the postmaster lives on and holds the data dir, so the
 * next start would fail. Its pid is in {@code postmaster.pid}; if that process is alive and is a
 * postgres, it is stopped, and PostgreSQL recovers from its write-ahead log on the next start.
 */
final class OrphanedPostmaster {
  private static final long STOP_SECONDS = 30;

  private OrphanedPostmaster() {}

  /** Stops the postmaster recorded in {@code dataDir}, if one is still running; answers whether there was one. */
  static boolean stopIfRunning(Path dataDir) {
    if (ownedByALiveServer(dataDir.resolve("epg-lock"))) {
      return false;
    }
    Optional<ProcessHandle> postmaster = recorded(dataDir.resolve("postmaster.pid"));
    if (postmaster.isEmpty()) {
      return false;
    }
    ProcessHandle process = postmaster.get();
    // SIGTERM asks for a smart shutdown; the dead server's connections are already closed.
    process.destroy();
    try {
      process.onExit().get(STOP_SECONDS, TimeUnit.SECONDS);
    } catch (Exception e) {
      process.destroyForcibly();
      process.onExit().join();
    }
    return true;
  }

  /** Whether a running server holds the embedded PostgreSQL's lock file: then its postmaster is no orphan. */
  private static boolean ownedByALiveServer(Path lockFile) {
    if (!Files.isRegularFile(lockFile)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static Optional<ProcessHandle> recorded(Path pidFile) {
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
        return Optional.empty();
      }
      return ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
          .filter(ProcessHandle::isAlive)
          .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}

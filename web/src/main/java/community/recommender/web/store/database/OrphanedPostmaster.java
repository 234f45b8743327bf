package community.recommender.web.store.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The embedded PostgreSQL left running by a server that was killed.
 *
 * <p>PostgreSQL runs as its own process. When the JVM that started it dies without running its
 * shutdown hooks (SIGKILL, the OOM killer), the postmaster lives on and holds the data dir, so the
 * next start would fail. Its pid is in {@code postmaster.pid}; that process is stopped only when it
 * is alive and is seen to run on this very data dir ({@link Postmaster}), never merely because it
 * is called postgres. PostgreSQL recovers from its write-ahead log on the next start.
 */
final class OrphanedPostmaster {
  private static final long STOP_SECONDS = 30;

  private OrphanedPostmaster() {}

  /** Stops the postmaster recorded in {@code dataDir}, if one is still running; answers whether there was one. */
  static boolean stopIfRunning(Path dataDir) {
    if (ownedByALiveServer(dataDir.resolve("epg-lock"))) {
      return false;
    }
    Optional<ProcessHandle> postmaster = Postmaster.of(dataDir);
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
}

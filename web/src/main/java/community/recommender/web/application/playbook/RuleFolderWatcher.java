package community.recommender.web.application.playbook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the rules folder and reloads the playbook when a file changes.
 *
 * <p>An editor saves in bursts (temp file, rename, touch), so a reload waits until the folder
 * has been still for a moment; {@link RuleService#reloadFolder} then skips a set the folder no
 * longer holds once compiled. A folder that does not compile is logged, file by file and line by
 * line, and the running set stays active.
 */
public final class RuleFolderWatcher implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RuleFolderWatcher.class);
  private static final long SETTLE_MILLIS = 300;

  private final WatchService watcher;
  private final Thread thread;

  private RuleFolderWatcher(WatchService watcher, Path dir, RuleService rules) {
    this.watcher = watcher;
    this.thread = new Thread(() -> watch(dir, rules), "rules-folder-watcher");
    this.thread.setDaemon(true);
  }

  /** Starts watching {@code dir}. */
  public static RuleFolderWatcher start(Path dir, RuleService rules) {
    try {
      WatchService watcher = FileSystems.getDefault().newWatchService();
      dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
          StandardWatchEventKinds.ENTRY_DELETE);
      RuleFolderWatcher started = new RuleFolderWatcher(watcher, dir, rules);
      started.thread.start();
      return started;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot watch the rules folder " + dir, e);
    }
  }

  private void watch(Path dir, RuleService rules) {
    try {
      while (true) {
        WatchKey key = watcher.take();
        drain(key);
        // Wait for the burst of events from one save to end before reloading once.
        WatchKey more;
        while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        rules.reloadFolder()
            .onSuccess(set -> LOG.debug("rules folder {} checked; version {} is active", dir, set.version()))
            .onFailure(e -> {
              if (e instanceof RuleSetRejected rejected) {
                LOG.warn("the rules folder {} was changed but not activated; the running set stays:\n{}", dir,
                    String.join("\n", rejected.errors().stream().map(Object::toString).toList()));
              } else {
                LOG.warn("the rules folder {} was changed but could not be activated; the running set stays", dir, e);
              }
            });
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }


  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

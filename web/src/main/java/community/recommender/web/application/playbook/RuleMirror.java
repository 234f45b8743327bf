package community.recommender.web.application.playbook;

import community.recommender.engine.rules.RuleFolder;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors the active rule set into the rules folder when the folder can be written.
 *
 * <p>PostgreSQL holds the rule versions; the folder is only where an operator may edit. A container
 * runs with a read-only folder, so a failed write never fails an activation, a rollback or a start:
 * it is logged once (again only after a write succeeded in between) and shown through
 * {@link #status()}, for the rules API and the console.
 */
public final class RuleMirror {
  private static final Logger LOG = LoggerFactory.getLogger(RuleMirror.class);

  private final RuleFolder folder;
  private volatile Status status;

  public RuleMirror(RuleFolder folder) {
    this.folder = folder;
    this.status = new Status(folder.path(), true, 0, null);
  }

  /** The folder mirrored into. */
  public RuleFolder folder() {
    return folder;
  }

  /** Writes {@code files}, the active set's {@code version}, to the folder when it can. */
  public synchronized Status write(Map<String, String> files, long version) {
    try {
      folder.replaceWith(files);
      if (!status.written()) {
        LOG.info("the rules folder {} mirrors version {} again", folder.path(), version);
      }
      status = new Status(folder.path(), true, version, null);
    } catch (UncheckedIOException e) {
      String reason = e.getCause() == null ? e.getMessage() : e.getCause().toString();
      if (status.written()) {
        LOG.warn("cannot mirror rule set version {} into the rules folder {} ({}); PostgreSQL holds the rules and"
            + " they run. Further failures are not logged until a write succeeds.", version, folder.path(), reason);
      }
      status = new Status(folder.path(), false, version, reason);
    }
    return status;
  }

  /** Whether the last write succeeded, and why not. */
  public Status status() {
    return status;
  }

  /**
   * The outcome of the last mirror write.
   *
   * @param written whether the folder holds {@code version}; true before any write
   * @param version the version last written or tried, 0 before any write
   * @param error why the write failed, or null
   */
  public record Status(Path folder, boolean written, long version, String error) {
    public Status {
      Objects.requireNonNull(folder, "folder");
    }
  }
}

package community.recommender.web.application.playbook;

import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.store.Futures;
import community.recommender.web.store.RuleSetStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiles the rules folder at start, records it as a version, and activates it.
 *
 * <p>A folder that holds an earlier recorded version is stale (an old image, or a node that was
 * down while the rules changed through another node): then the newest recorded version runs and
 * is mirrored to the folder when it can be written, so that a restart never rolls the rules of every node back. A folder
 * never recorded is an operator's edit, and becomes the newest version.
 */
public final class RuleFolderLoader {
  private static final Logger LOG = LoggerFactory.getLogger(RuleFolderLoader.class);

  private RuleFolderLoader() {}

  /**
   * Activates the rules in {@code mirror}'s folder, or the newest recorded version when the folder is
   * stale; a rule set that does not compile stops the start with file and line. Writing the folder
   * may fail (a read-only container): the start goes on, and the mirror shows why.
   */
  public static RuleSet load(RuleMirror mirror, RuleBook book, RuleSetStore versions) {
    Path dir = mirror.folder().path();
    CompiledRules compiled;
    try {
      compiled = book.compile(mirror.folder().read());
    } catch (RuleCompilationException e) {
      throw new RuleFolderRejected("rules in " + dir + " do not compile: " + e.errors().get(0)
          + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : ""));
    } catch (UncheckedIOException e) {
      throw new RuleFolderRejected(e.getCause().getMessage() + "; point --rules-dir at a folder of .drl files");
    }
    Optional<RuleSetStore.Version> newest = Futures.await(versions.newest());
    if (newest.isPresent() && !newest.get().contentHash().equals(compiled.contentHash())
        && Futures.await(versions.wasRecorded(compiled.contentHash()))) {
      return followNewest(mirror, book, newest.get());
    }
    long version = Futures.await(versions.record(compiled, "rules folder " + dir));
    return book.activate(compiled, version);
  }

  private static RuleSet followNewest(RuleMirror mirror, RuleBook book, RuleSetStore.Version newest) {
    CompiledRules compiled;
    try {
      compiled = book.compile(newest.sources());
    } catch (RuleCompilationException e) {
      throw new RuleFolderRejected("the newest recorded rule set, version " + newest.version() + ", no longer compiles: "
          + e.errors().get(0));
    }
    LOG.warn("the rules folder {} held an earlier version than the newest recorded one; running version {} ({}) and"
        + " mirroring it to the folder. To go back, activate an earlier version: POST /api/v1/rules/versions/{{v}}/activate",
        mirror.folder().path(), newest.version(), newest.author());
    RuleSet set = book.activate(compiled, newest.version());
    mirror.write(newest.files(), newest.version());
    return set;
  }
}

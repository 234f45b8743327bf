package community.recommender.web.application.playbook;

import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleFolder;
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
 * is written to the folder, so that a restart never rolls the rules of every node back. A folder
 * never recorded is an operator's edit, and becomes the newest version.
 */
public final class RuleFolderLoader {
  private static final Logger LOG = LoggerFactory.getLogger(RuleFolderLoader.class);

  private RuleFolderLoader() {}

  /** Activates the rules in {@code dir}; a rule set that does not compile stops the start with file and line. */
  public static RuleSet load(Path dir, RuleBook book, RuleSetStore versions) {
    CompiledRules compiled;
    try {
      compiled = book.compile(new RuleFolder(dir).read());
    } catch (RuleCompilationException e) {
      throw new RuleFolderRejected("rules in " + dir + " do not compile: " + e.errors().get(0)
          + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : ""));
    } catch (UncheckedIOException e) {
      throw new RuleFolderRejected(e.getCause().getMessage() + "; point --rules-dir at a folder of .drl files");
    }
    Optional<RuleSetStore.Version> newest = Futures.await(versions.newest());
    if (newest.isPresent() && !newest.get().contentHash().equals(compiled.contentHash())
        && Futures.await(versions.wasRecorded(compiled.contentHash()))) {
      return followNewest(dir, book, newest.get());
    }
    long version = Futures.await(versions.record(compiled, "rules folder " + dir));
    return book.activate(compiled, version);
  }

  private static RuleSet followNewest(Path dir, RuleBook book, RuleSetStore.Version newest) {
    CompiledRules compiled;
    try {
      compiled = book.compile(newest.sources());
    } catch (RuleCompilationException e) {
      throw new RuleFolderRejected("the newest recorded rule set, version " + newest.version() + ", no longer compiles: "
          + e.errors().get(0));
    }
    new RuleFolder(dir).replaceWith(newest.files());
    LOG.warn("the rules folder {} held an earlier version than the newest recorded one; running version {} ({}) and"
        + " writing it to the folder. To go back, activate an earlier version: POST /api/v1/rules/versions/{{v}}/activate",
        dir, newest.version(), newest.author());
    return book.activate(compiled, newest.version());
  }
}

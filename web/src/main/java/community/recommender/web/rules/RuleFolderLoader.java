package community.recommender.web.rules;

import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleFolder;
import community.recommender.engine.rules.RuleSet;
import community.recommender.web.database.Futures;
import community.recommender.web.server.StartupException;
import community.recommender.web.store.PgRuleSetStore;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** Compiles the rules folder at start, records it as a version, and activates it. */
public final class RuleFolderLoader {
  private RuleFolderLoader() {}

  /** Activates the rules in {@code dir}; a rule set that does not compile stops the start with file and line. */
  public static RuleSet load(Path dir, RuleBook book, PgRuleSetStore versions) {
    CompiledRules compiled;
    try {
      compiled = book.compile(new RuleFolder(dir).read());
    } catch (RuleCompilationException e) {
      throw new StartupException("rules in " + dir + " do not compile: " + e.errors().get(0)
          + (e.errors().size() > 1 ? " (and " + (e.errors().size() - 1) + " more)" : ""));
    } catch (UncheckedIOException e) {
      throw new StartupException(e.getCause().getMessage() + "; point --rules-dir at a folder of .drl files");
    }
    long version = Futures.await(versions.record(compiled, "rules folder " + dir));
    return book.activate(compiled, version);
  }
}

package community.recommender.web.application.playbook;

import community.recommender.engine.rules.CheckedRules;
import community.recommender.engine.rules.CompiledRules;
import community.recommender.engine.rules.RuleBook;
import community.recommender.engine.rules.RuleCompilationException;
import community.recommender.engine.rules.RuleSet;
import community.recommender.engine.rules.RuleSource;
import community.recommender.web.store.ChangeNotices;
import community.recommender.web.store.RuleSetStore;
import io.vertx.core.Future;
import community.recommender.web.application.Workers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes the playbook safely: every change is checked for safety, compiled as a whole set,
 * recorded as a version and only then swapped in; a failure leaves the running set untouched.
 *
 * <p>PostgreSQL holds the versions; a set runs once it is recorded there. The rules folder is where
 * an operator may edit: an edit comes in through {@link #reloadFolder}, and the active set is mirrored
 * back to it when the folder can be written (see {@link RuleMirror}). Changes run one at a time.
 */
public final class RuleService {
  private static final Logger LOG = LoggerFactory.getLogger(RuleService.class);

  private final RuleBook book;
  private final RuleMirror mirror;
  private final RuleSetStore versions;
  private final Workers compiler;
  private final ChangeNotices notices;
  private final RuleWarmUp warmUp;
  private Future<?> lastChange = Future.succeededFuture();

  /**
   * {@code notices} hears of every activation: pending suggestions of earlier rules no longer serve.
   * {@code warmUp} runs each set about to be activated on the compiler's worker, or is null.
   */
  public RuleService(RuleBook book, RuleMirror mirror, RuleSetStore versions, Workers compiler,
      ChangeNotices notices, RuleWarmUp warmUp) {
    this.notices = notices;
    this.warmUp = warmUp;
    this.book = book;
    this.mirror = mirror;
    this.versions = versions;
    this.compiler = compiler;
  }

  /** The files of the active set, by name. */
  public Map<String, String> activeFiles() {
    return filesOf(book.active().rules().sources());
  }

  /** Whether the rules folder mirrors the active set. */
  public RuleMirror.Status mirror() {
    return mirror.status();
  }

  public RuleSet active() {
    return book.active();
  }

  /** Compiles a proposed set without activating it; fails with {@link RuleSetRejected} and every error. */
  public Future<CompiledRules> compile(Map<String, String> files) {
    return compiler.run(() -> compileOrFail(sourcesOf(files)));
  }

  /** Checks {@code files} as a whole rule set, off the event loop, without loading any of its code. */
  public Future<CheckedRules> check(Map<String, String> files) {
    return compiler.run(() -> {
      try {
        return book.check(sourcesOf(files));
      } catch (RuleCompilationException e) {
        throw new RuleSetRejected(e.errors(), e.tooLarge());
      }
    });
  }

  /** The active set with {@code changes} applied over it; a null text removes that file. */
  public Map<String, String> activeFilesWith(Map<String, String> changes) {
    Map<String, String> files = activeFiles();
    changes.forEach((name, text) -> {
      if (text == null) {
        files.remove(name);
      } else {
        files.put(name, text);
      }
    });
    return files;
  }

  /** Adds or replaces one file, then activates the whole set. */
  public Future<RuleSet> putFile(String file, String text, String author) {
    return putFile(file, text, author, null);
  }

  /** Adds or replaces one file, then activates the whole set, with the operator's change note (or null). */
  public Future<RuleSet> putFile(String file, String text, String author, String note) {
    return serially(() -> {
      Map<String, String> files = activeFiles();
      files.put(file, text);
      return activate(files, author + " put " + file, note);
    });
  }

  /** Removes one file, then activates the rest. */
  public Future<RuleSet> deleteFile(String file, String author) {
    return deleteFile(file, author, null);
  }

  /** Removes one file, then activates the rest, with the operator's change note (or null). */
  public Future<RuleSet> deleteFile(String file, String author, String note) {
    return serially(() -> {
      Map<String, String> files = activeFiles();
      if (files.remove(file) == null) {
        return Future.failedFuture(new RuleFileNotFound(file));
      }
      return activate(files, author + " deleted " + file, note);
    });
  }

  /** Every recorded version, newest first, without the file texts. */
  public Future<List<RuleSetStore.Version>> versions() {
    return versions.list();
  }

  /** One recorded version with its files; fails with {@link RuleVersionNotFound}. */
  public Future<RuleSetStore.Version> version(long version) {
    return versions.find(version).map(found -> found.orElseThrow(() -> new RuleVersionNotFound(version)));
  }

  /** A recorded version compiled (or taken from the compiled cache) to decide with, without activating it. */
  public Future<RuleSet> ruleSetOf(long version) {
    return version(version).compose(found -> compile(found.files()).map(compiled -> new RuleSet(version, compiled)));
  }

  /** Activates the files of an earlier version again, as a new version. */
  public Future<RuleSet> restore(long version, String author) {
    return restore(version, author, null);
  }

  /** Activates the files of an earlier version again, as a new version, with a change note (or null). */
  public Future<RuleSet> restore(long version, String author, String note) {
    return serially(() -> versions.find(version).compose(found -> {
      RuleSetStore.Version old = found.orElseThrow(() -> new RuleVersionNotFound(version));
      return activate(old.files(), author + " restored version " + version, note);
    }));
  }

  /**
   * Activates what is in the rules folder when it differs from the active set. A folder that does
   * not compile is logged with every error and leaves the active set running.
   *
   * <p>The folder is read again after compiling, and a set it no longer holds is not activated: an
   * editor that truncates a file before writing it must never run the half-written file. The change
   * that overtook the read is seen by the watcher, which reloads once more.
   */
  public Future<RuleSet> reloadFolder() {
    return serially(() -> {
      Map<String, String> files = folderFiles();
      if (files.equals(activeFiles())) {
        return Future.succeededFuture(book.active());
      }
      String author = "rules folder " + mirror.folder().path();
      return compiler.run(() -> compiledIfStill(files)).compose(compiled -> {
        if (compiled.isEmpty()) {
          LOG.info("the {} changed while it was compiled; the set it held is skipped for the newer one", author);
          return Future.succeededFuture(book.active());
        }
        return activateCompiled(compiled.get(), files, author, null);
      });
    });
  }

  /** {@code files} compiled and warmed, or empty when the folder no longer holds them. */
  private Optional<CompiledRules> compiledIfStill(Map<String, String> files) {
    CompiledRules compiled;
    try {
      compiled = warmed(compileOrFail(sourcesOf(files)));
    } catch (RuleSetRejected e) {
      if (!folderFiles().equals(files)) {
        return Optional.empty();
      }
      throw e;
    }
    return folderFiles().equals(files) ? Optional.of(compiled) : Optional.empty();
  }

  private Map<String, String> folderFiles() {
    return filesOf(mirror.folder().read());
  }

  /** {@code sources} as texts by file name, sorted by name. */
  private static Map<String, String> filesOf(List<RuleSource> sources) {
    Map<String, String> files = new TreeMap<>();
    sources.forEach(s -> files.put(s.file(), s.text()));
    return files;
  }

  /**
   * Activates the newest recorded rule set when another node recorded one this node does not run
   * yet. Nodes hear of rule changes through a change notice; the notice is only a hint, and this
   * reads the version from the database.
   */
  public Future<RuleSet> followNewestVersion() {
    return serially(() -> versions.newest().compose(newest -> {
      if (newest.isEmpty() || newest.get().version() <= book.active().version()) {
        return Future.succeededFuture(book.active());
      }
      RuleSetStore.Version version = newest.get();
      return compiler.run(() -> warmed(compileOrFail(version.sources()))).map(compiled -> {
        RuleSet set = book.activate(compiled, version.version());
        mirror.write(version.files(), version.version());
        LOG.info("activated rule set version {}, recorded by another node for {}", version.version(), version.author());
        return set;
      });
    }));
  }

  private Future<RuleSet> activate(Map<String, String> files, String author) {
    return activate(files, author, null);
  }

  private Future<RuleSet> activate(Map<String, String> files, String author, String note) {
    return compiler.run(() -> warmed(compileOrFail(sourcesOf(files))))
        .compose(compiled -> activateCompiled(compiled, files, author, note));
  }

  /** Records {@code compiled}, makes it the active set, mirrors it and tells every node. */
  private Future<RuleSet> activateCompiled(CompiledRules compiled, Map<String, String> files, String author,
      String note) {
    return versions.record(compiled, author, note).map(version -> {
      RuleSet set = book.activate(compiled, version);
      mirror.write(files, version);
      LOG.info("activated rule set version {} ({} files) for {}", version, files.size(), author);
      return set;
    }).compose(set -> notices.announceAll().map(set));
  }

  private static List<RuleSource> sourcesOf(Map<String, String> files) {
    List<RuleSource> sources = new ArrayList<>();
    files.forEach((name, text) -> sources.add(new RuleSource(name, text)));
    return sources;
  }

  /** {@code rules}, run on a few groups first so the first polls after the swap find them warm. */
  private CompiledRules warmed(CompiledRules rules) {
    if (warmUp != null) {
      warmUp.warm(rules);
    }
    return rules;
  }

  private CompiledRules compileOrFail(List<RuleSource> sources) {
    try {
      return book.compile(sources);
    } catch (RuleCompilationException e) {
      throw new RuleSetRejected(e.errors(), e.tooLarge());
    }
  }

  /** Runs {@code change} after every earlier change has finished, successfully or not. */
  private synchronized <T> Future<T> serially(Supplier<Future<T>> change) {
    Future<T> next = lastChange.transform(ignored -> change.get());
    lastChange = next;
    return next;
  }
}
